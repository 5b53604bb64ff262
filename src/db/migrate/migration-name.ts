// `prisma migrate dev --name` slugifies the name (the `slugify` package, separator "_", 200 chars at most)
// before the engine prefixes the timestamp; the engine itself takes the name verbatim. Same rules here,
// minus slugify's table of symbol transliterations.

export function migrationSlug(name: string): string {
  const decamelized = name
    .replace(/&/g, ' and ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize()
    .replace(/([A-Z]{2,})(\d+)/g, '$1 $2')
    .replace(/([a-z\d]+)([A-Z]{2,})/g, '$1 $2')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-rt-z\d]+)/g, '$1 $2');
  return decamelized
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, '$1$2$3')
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
}
