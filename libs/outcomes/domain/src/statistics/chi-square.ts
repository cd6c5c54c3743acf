/**
 * Upper tail of the chi-square distribution with one degree of freedom: P(X ≥ x) = erfc(√(x/2)).
 * Enough for the log-rank test of two groups; no general chi-square is needed.
 */
export const chiSquareOneDfUpperTail = (x: number): number => {
  if (!(x >= 0)) throw new RangeError('A chi-square statistic is never negative');
  return complementaryErrorFunction(Math.sqrt(x / 2));
};

/**
 * erfc by the Chebyshev-fitted formula of Numerical Recipes (erfcc): fractional error below
 * 1.2e-7 everywhere, which is far finer than any p-value a dashboard shows.
 */
export const complementaryErrorFunction = (x: number): number => {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t * (1.00002368 +
      t * (0.37409196 +
        t * (0.09678418 +
          t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
};
