/**
 * `alphaswarm`: The AlphaSwarm SDK in one package, with the alphaswarm command-line tool.
 *
 * @packageDocumentation
 */
export {};
