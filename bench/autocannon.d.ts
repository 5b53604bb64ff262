// autocannon ships no types; the runner uses its promise API with the options and result fields below.
declare module 'autocannon' {
  function autocannon(options: Record<string, unknown>): Promise<any>;
  export default autocannon;
}
