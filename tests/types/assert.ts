// Exact type equality: `any` equals nothing but `any`, so a declaration that
// decays to `any` fails these checks.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export function expectType<A, B>(check: Equal<A, B>): void {
  void check;
}
