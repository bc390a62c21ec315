/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/regression.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.
export interface Regression {
  $schema?: string;
  schemaVersion: '1.0';
  /**
   * The fuzz property, as in its case id fuzz/<property>.
   */
  property: string;
  /**
   * The language of the case it was found in (fuzz/<property>@<language>), for a property that runs once per language; javascript when absent.
   */
  language?: 'javascript' | 'typescript' | 'python' | 'shell';
  /**
   * The shrunk counterexample in the property's JSON form; it is replayed as it is, so it survives changes to the property's arbitraries.
   */
  input: unknown;
  /**
   * When the counterexample was found.
   */
  found: string;
  /**
   * What the executor did wrong with this input, when it was found.
   */
  message: string;
  /**
   * The fast-check seed it was found with.
   */
  seed?: number;
  /**
   * The fast-check path that reproduces it with that seed (while the arbitraries are unchanged).
   */
  path?: string;
  /**
   * The executor it was found against, as the run described it.
   */
  target?: string;
  /**
   * Why the case is kept, for reviewers.
   */
  note?: string;
}

/** Every definition of the regression schemas by name, for typed validation. */
export interface RegressionDefs {
  Regression: Regression;
}
