/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/gate.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The gate JSON Schemas, embedded so that validators need no file access at run time. */
export const gateSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/gate.schema.json",
  "title": "Gauntlet gate",
  "description": "The CI gate: its thresholds (the gate section of gauntlet.config.json, overridden by flags), the baseline and expectations files it reads, and the rule-by-rule verdict it writes into the report.",
  "$ref": "#/$defs/GateConfig",
  "$defs": {
    "GateConfig": {
      "description": "Thresholds of the gate. Pass rate = (passed + flaky) / (passed + failed + errored + flaky), in percent: an errored case is never a pass; unsupported and suppressed cases leave the denominator.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "minPassRate": {
          "$ref": "#/$defs/PassRateThresholds"
        },
        "minExecuted": {
          "description": "Fewest judged cases (passed, failed or flaky) for the gate to pass, so an empty or all-unsupported run cannot pass. Default 1.",
          "type": "integer",
          "minimum": 0
        },
        "maxErrored": {
          "description": "Most errored cases (the run could not judge them) the gate tolerates. Default 0.",
          "type": "integer",
          "minimum": 0
        },
        "failOnFlaky": {
          "description": "A case that passed only on a retry fails the gate. Default false.",
          "type": "boolean"
        },
        "baseline": {
          "description": "Baseline file (relative to the config file): the gate then fails only on regressions against it instead of on the pass-rate thresholds.",
          "type": "string",
          "minLength": 1
        },
        "expectations": {
          "description": "Expectations files per executor: target name -> file (relative to the config file).",
          "type": "object",
          "additionalProperties": {
            "type": "string",
            "minLength": 1
          }
        }
      }
    },
    "PassRateThresholds": {
      "description": "Minimum pass rates in percent. Defaults: 100 for every severity and for cases without one (fuzz properties); none per STRIDE category and overall. A scope with no judged case is not checked.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "overall": {
          "$ref": "#/$defs/Percent"
        },
        "bySeverity": {
          "type": "object",
          "propertyNames": {
            "$ref": "scenario.schema.json#/$defs/Severity"
          },
          "additionalProperties": {
            "$ref": "#/$defs/Percent"
          }
        },
        "byStride": {
          "type": "object",
          "propertyNames": {
            "$ref": "scenario.schema.json#/$defs/StrideCategory"
          },
          "additionalProperties": {
            "$ref": "#/$defs/Percent"
          }
        },
        "unrated": {
          "description": "Cases without a severity (fuzz properties).",
          "$ref": "#/$defs/Percent"
        }
      }
    },
    "Percent": {
      "type": "number",
      "minimum": 0,
      "maximum": 100
    },
    "ExpectedStatus": {
      "description": "The status a known problem produces. Only not-passing statuses can be expected.",
      "enum": [
        "failed",
        "errored",
        "flaky"
      ]
    },
    "ExpectationsFile": {
      "description": "Known problems of one executor, kept outside the scenarios and reviewed like code. A case whose status is the expected one is suppressed: it stays visible in every report but leaves the pass rates. An entry past its expiry fails the gate.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "executor",
        "expectations"
      ],
      "properties": {
        "$schema": {
          "type": "string"
        },
        "executor": {
          "description": "The target name the file is for; it must equal the report's target name.",
          "type": "string",
          "minLength": 1
        },
        "expectations": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Expectation"
          }
        }
      }
    },
    "Expectation": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "scenario",
        "expected",
        "justification",
        "owner",
        "expires"
      ],
      "properties": {
        "scenario": {
          "description": "A scenario id (every language of it), or a case id such as <scenario id>@python or fuzz/<property>.",
          "type": "string",
          "minLength": 1
        },
        "expected": {
          "$ref": "#/$defs/ExpectedStatus"
        },
        "justification": {
          "type": "string",
          "minLength": 10,
          "maxLength": 2000
        },
        "owner": {
          "type": "string",
          "minLength": 1,
          "maxLength": 200
        },
        "expires": {
          "description": "The last day (UTC) the entry applies; from the next day on it fails the gate.",
          "type": "string",
          "format": "date"
        },
        "issue": {
          "type": "string",
          "format": "uri"
        }
      }
    },
    "Baseline": {
      "description": "The statuses of the last accepted run (written by --update-baseline). With --baseline the gate fails only on regressions against it.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "schemaVersion",
        "target",
        "createdAt",
        "cases"
      ],
      "properties": {
        "schemaVersion": {
          "const": "1.0"
        },
        "target": {
          "type": "string"
        },
        "createdAt": {
          "type": "string",
          "format": "date-time"
        },
        "runId": {
          "type": "string"
        },
        "corpusDigest": {
          "type": "string"
        },
        "cases": {
          "description": "Case id (repeat suffix dropped) -> status.",
          "type": "object",
          "additionalProperties": {
            "$ref": "#/$defs/BaselineStatus"
          }
        }
      }
    },
    "BaselineStatus": {
      "enum": [
        "passed",
        "failed",
        "errored",
        "unsupported",
        "flaky"
      ]
    },
    "GateRuleResult": {
      "description": "One rule the gate checked, with the values it compared.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "rule",
        "scope",
        "passed",
        "threshold",
        "actual",
        "message"
      ],
      "properties": {
        "rule": {
          "enum": [
            "min-pass-rate",
            "min-executed",
            "max-errored",
            "no-flaky",
            "no-regressions",
            "expectation-expired",
            "profile"
          ]
        },
        "scope": {
          "description": "What the rule looked at: all, severity:critical, stride:tampering, unrated, a scenario id...",
          "type": "string"
        },
        "passed": {
          "type": "boolean"
        },
        "threshold": {
          "description": "The configured value (a percent, a count, a date).",
          "type": [
            "number",
            "string"
          ]
        },
        "actual": {
          "description": "The observed value.",
          "type": [
            "number",
            "string"
          ]
        },
        "message": {
          "type": "string"
        },
        "cases": {
          "description": "The cases that made the rule fail (at most 50).",
          "type": "array",
          "maxItems": 50,
          "items": {
            "type": "string"
          }
        }
      }
    },
    "AppliedExpectation": {
      "description": "An expectations entry and what it did: suppressed matching cases, did not match (the case did better or worse than expected) or expired.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "expectation",
        "effect",
        "cases"
      ],
      "properties": {
        "expectation": {
          "$ref": "#/$defs/Expectation"
        },
        "effect": {
          "enum": [
            "suppressed",
            "not-matched",
            "expired"
          ]
        },
        "cases": {
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "BaselineChange": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "caseId",
        "before",
        "after",
        "kind"
      ],
      "properties": {
        "caseId": {
          "type": "string"
        },
        "before": {
          "description": "Status in the baseline, or absent.",
          "oneOf": [
            {
              "$ref": "#/$defs/BaselineStatus"
            },
            {
              "const": "absent"
            }
          ]
        },
        "after": {
          "oneOf": [
            {
              "$ref": "#/$defs/BaselineStatus"
            },
            {
              "const": "absent"
            }
          ]
        },
        "kind": {
          "description": "regression: was passing (or new) and now fails or errors; fixed: was failing or erroring and now passes; changed: any other change; new and removed: present on one side only.",
          "enum": [
            "regression",
            "fixed",
            "changed",
            "new",
            "removed"
          ]
        }
      }
    },
    "BaselineComparison": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "file",
        "createdAt",
        "changes"
      ],
      "properties": {
        "file": {
          "type": "string"
        },
        "createdAt": {
          "type": "string",
          "format": "date-time"
        },
        "changes": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/BaselineChange"
          }
        }
      }
    }
  }
}
];
