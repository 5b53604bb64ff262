/** A seed that cannot be applied: every problem found, each naming its file, record and quote. */
export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed annotations have ${problems.length} problem(s); nothing was written:\n- ${problems.join('\n- ')}`);
    this.name = 'SeedError';
  }
}
