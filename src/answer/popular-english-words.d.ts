/** The package ships JavaScript only: the one function the speller uses. */
declare module "popular-english-words" {
  export const words: { getMostPopular(count: number): string[] };
}
