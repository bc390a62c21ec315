/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/profile.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The profile JSON Schemas, embedded so that validators need no file access at run time. */
export const profileSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/profile.schema.json",
  "title": "Gauntlet conformance profile",
  "description": "A conformance profile (profiles/<id>.yaml): the capabilities an executor must declare and the cases that must all be judged for a verdict of the form 'conforms to profile P'. Declaring fewer capabilities fails the profile instead of shrinking the test.",
  "$ref": "#/$defs/Profile",
  "$defs": {
    "Profile": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "promise",
        "languages",
        "requires",
        "include"
      ],
      "properties": {
        "id": {
          "description": "Stable name, equal to the file name without extension; what --profile names.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,40}$"
        },
        "title": {
          "type": "string",
          "minLength": 1,
          "maxLength": 120
        },
        "promise": {
          "description": "What a pass promises, in one paragraph a reader outside security understands.",
          "type": "string",
          "minLength": 40,
          "maxLength": 2000
        },
        "languages": {
          "description": "The languages the profile applies to. declared: every language the executor declares. A list: each of them must be declared (a missing one fails the profile), and only cases in them count.",
          "oneOf": [
            {
              "const": "declared"
            },
            {
              "type": "array",
              "minItems": 1,
              "uniqueItems": true,
              "items": {
                "$ref": "protocol/v1/common.schema.json#/$defs/Language"
              }
            }
          ]
        },
        "requires": {
          "description": "Capabilities the executor must declare. Each is a case of the profile: failed (critical) when the executor does not declare it, never unsupported.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ProfileRequirement"
          }
        },
        "include": {
          "description": "Scenario cases of the profile: a case belongs when any matcher admits it and no exclude matcher does.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/CaseMatcher"
          }
        },
        "exclude": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/CaseMatcher"
          }
        },
        "fuzz": {
          "description": "Fuzz properties of the profile (fuzz/<property>@<language> cases, fuzz/<property> for one that sends no code).",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ProfileFuzzProperty"
          }
        },
        "minPassRate": {
          "description": "Minimum pass rate (percent) of the profile's judged cases per severity; a severity not named needs 100.",
          "type": "object",
          "propertyNames": {
            "$ref": "scenario.schema.json#/$defs/Severity"
          },
          "additionalProperties": {
            "type": "number",
            "minimum": 0,
            "maximum": 100
          }
        },
        "maxUnsupportedShare": {
          "description": "The largest share (0 to 1) of the profile's cases that may be unsupported. Default 0: every case must be judged.",
          "type": "number",
          "minimum": 0,
          "maximum": 1
        }
      }
    },
    "ProfileRequirement": {
      "description": "One capability the executor must declare in its initialize answer.",
      "oneOf": [
        {
          "$ref": "#/$defs/LimitRequirement"
        },
        {
          "$ref": "#/$defs/ModeRequirement"
        },
        {
          "$ref": "#/$defs/FeatureRequirement"
        },
        {
          "$ref": "#/$defs/IsolationRequirement"
        }
      ]
    },
    "LimitRequirement": {
      "description": "capabilities.limits.<limit> must be at least this enforcement (hard > soft > none).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "limit",
        "enforcement"
      ],
      "properties": {
        "limit": {
          "enum": [
            "wallTime",
            "memory",
            "output",
            "toolTime"
          ]
        },
        "enforcement": {
          "enum": [
            "hard",
            "soft"
          ]
        }
      }
    },
    "ModeRequirement": {
      "description": "capabilities.<modes> must list at least one of anyOf.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "modes",
        "anyOf"
      ],
      "properties": {
        "modes": {
          "enum": [
            "network",
            "filesystem",
            "outputModes"
          ]
        },
        "anyOf": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^[a-z]+$"
          }
        }
      }
    },
    "FeatureRequirement": {
      "description": "A yes/no capability that must be true: subprocesses.canDeny, sessions.supported, tools.supported (for every profile language), audit.supported, audit.hashChain, redaction.supported, cancel.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "feature"
      ],
      "properties": {
        "feature": {
          "enum": [
            "subprocesses.canDeny",
            "sessions",
            "tools",
            "audit",
            "audit.hashChain",
            "redaction",
            "cancel"
          ]
        }
      }
    },
    "IsolationRequirement": {
      "description": "executorInfo.isolation must be one of these.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "isolation"
      ],
      "properties": {
        "isolation": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "protocol/v1/initialize.schema.json#/$defs/IsolationKind"
          }
        }
      }
    },
    "CaseMatcher": {
      "description": "Admits a scenario case when every present member matches: its STRIDE category is listed, it carries one of the tags, its scenario id matches one of the patterns (* matches any run of characters).",
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "stride": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "scenario.schema.json#/$defs/StrideCategory"
          }
        },
        "tags": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string"
          }
        },
        "ids": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "pattern": "^[a-z0-9.*-]+$"
          }
        }
      }
    },
    "ProfileFuzzProperty": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "property"
      ],
      "properties": {
        "property": {
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]*$"
        },
        "languages": {
          "description": "The languages of the property that the profile counts: its cases fuzz/<property>@<language> in these languages (all of the property's when absent), where the executor declares them.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Language"
          }
        }
      }
    }
  }
}
];
