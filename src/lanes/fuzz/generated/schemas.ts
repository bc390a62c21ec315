/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/regression.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The regression JSON Schemas, embedded so that validators need no file access at run time. */
export const regressionSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/regression.schema.json",
  "title": "Gauntlet fuzz regression",
  "description": "A counterexample a fuzz property once found, committed under scenarios/regressions/ and replayed before any generated input on every run. `gauntlet run --fuzz-save` writes these files.",
  "$ref": "#/$defs/Regression",
  "$defs": {
    "Regression": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "schemaVersion",
        "property",
        "input",
        "found",
        "message"
      ],
      "properties": {
        "$schema": {
          "type": "string"
        },
        "schemaVersion": {
          "const": "1.0"
        },
        "property": {
          "description": "The fuzz property, as in its case id fuzz/<property>.",
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]{0,63}$"
        },
        "language": {
          "description": "The language of the case it was found in (fuzz/<property>@<language>), for a property that runs once per language; javascript when absent.",
          "enum": [
            "javascript",
            "typescript",
            "python",
            "shell"
          ]
        },
        "input": {
          "description": "The shrunk counterexample in the property's JSON form; it is replayed as it is, so it survives changes to the property's arbitraries."
        },
        "found": {
          "description": "When the counterexample was found.",
          "type": "string",
          "format": "date-time"
        },
        "message": {
          "description": "What the executor did wrong with this input, when it was found.",
          "type": "string",
          "maxLength": 2000
        },
        "seed": {
          "description": "The fast-check seed it was found with.",
          "type": "integer"
        },
        "path": {
          "description": "The fast-check path that reproduces it with that seed (while the arbitraries are unchanged).",
          "type": "string",
          "pattern": "^[0-9]+(:[0-9]+)*$"
        },
        "target": {
          "description": "The executor it was found against, as the run described it.",
          "type": "string"
        },
        "note": {
          "description": "Why the case is kept, for reviewers.",
          "type": "string"
        }
      }
    }
  }
}
];
