/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/report.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The report JSON Schemas, embedded so that validators need no file access at run time. */
export const reportSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/report.schema.json",
  "title": "Gauntlet run report",
  "description": "The canonical result of one gauntlet run (reports/latest/report.json). Every other report format is a projection of it.",
  "$ref": "#/$defs/Report",
  "$defs": {
    "Report": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "schemaVersion",
        "runId",
        "harness",
        "command",
        "seed",
        "startedAt",
        "finishedAt",
        "durationMs",
        "corpus",
        "target",
        "options",
        "summary",
        "gate",
        "cases",
        "harnessErrors"
      ],
      "properties": {
        "schemaVersion": {
          "const": "1.0"
        },
        "runId": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "harness": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "name",
            "version",
            "protocolVersion"
          ],
          "properties": {
            "name": {
              "type": "string"
            },
            "version": {
              "type": "string"
            },
            "protocolVersion": {
              "type": "string"
            },
            "node": {
              "description": "The Node.js version the harness ran on (process.version).",
              "type": "string",
              "maxLength": 64
            },
            "os": {
              "description": "The operating system the harness ran on.",
              "type": "object",
              "additionalProperties": false,
              "required": [
                "platform",
                "release",
                "arch"
              ],
              "properties": {
                "platform": {
                  "type": "string",
                  "maxLength": 64
                },
                "release": {
                  "type": "string",
                  "maxLength": 256
                },
                "arch": {
                  "type": "string",
                  "maxLength": 64
                }
              }
            }
          }
        },
        "command": {
          "description": "The command line that replays the whole run, seed included.",
          "type": "string"
        },
        "seed": {
          "description": "The run's seed: every token, nonce and marker of every case derives from it.",
          "type": "string",
          "pattern": "^[0-9a-f]{16,64}$"
        },
        "startedAt": {
          "type": "string",
          "format": "date-time"
        },
        "finishedAt": {
          "type": "string",
          "format": "date-time"
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "corpus": {
          "$ref": "#/$defs/CorpusInfo"
        },
        "target": {
          "$ref": "#/$defs/TargetInfo"
        },
        "options": {
          "$ref": "#/$defs/RunOptions"
        },
        "summary": {
          "$ref": "#/$defs/Summary"
        },
        "gate": {
          "$ref": "#/$defs/GateResult"
        },
        "cases": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/CaseResult"
          }
        },
        "profiles": {
          "description": "The verdict per conformance profile (absent with --profile none): a profile passes only when the executor declares every capability it requires, every one of its cases was judged and its thresholds hold.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ProfileResult"
          }
        },
        "harnessErrors": {
          "description": "Problems of the harness itself (invalid scenario files, an executor that could not start, a reporter that crashed). Any of them makes the run exit 2.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/HarnessErrorRecord"
          }
        },
        "integrity": {
          "$ref": "#/$defs/ReportIntegrity"
        },
        "protocolViolations": {
          "$ref": "#/$defs/ProtocolViolations"
        },
        "schedule": {
          "description": "How the cases were admitted: the slots per cost class (cpu: --workers; wait: cases that mostly wait, beside them) and the most cases that held a slot at once.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "cpuSlots",
            "waitSlots",
            "peakCpu",
            "peakWait",
            "peakAll"
          ],
          "properties": {
            "cpuSlots": {
              "type": "integer",
              "minimum": 1
            },
            "waitSlots": {
              "type": "integer",
              "minimum": 0
            },
            "peakCpu": {
              "type": "integer",
              "minimum": 0
            },
            "peakWait": {
              "type": "integer",
              "minimum": 0
            },
            "peakAll": {
              "type": "integer",
              "minimum": 0
            }
          }
        }
      }
    },
    "ReportIntegrity": {
      "description": "Binds the report to its content (docs/reports.md, 'Integrity'). digest = SHA-256 of the canonical JSON of the whole report without this member; members and cases only locate what changed and are not trusted.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "algorithm",
        "digest",
        "members",
        "cases"
      ],
      "properties": {
        "algorithm": {
          "description": "The digest rule: SHA-256 over canonical JSON (src/protocol/canonical-json.ts) of the report with `integrity` removed.",
          "const": "sha256-canonical-json"
        },
        "digest": {
          "$ref": "protocol/v1/common.schema.json#/$defs/Sha256Hex"
        },
        "members": {
          "description": "SHA-256 of the canonical JSON of each top-level member but `integrity`, by name: names the member that changed.",
          "type": "object",
          "additionalProperties": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Sha256Hex"
          }
        },
        "cases": {
          "description": "SHA-256 of the canonical JSON of each case, in the order of `cases`: names the case that changed.",
          "type": "array",
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Sha256Hex"
          }
        },
        "signature": {
          "$ref": "#/$defs/ReportSignature"
        }
      }
    },
    "ReportSignature": {
      "description": "An Ed25519 signature over the UTF-8 text `gauntlet-report-digest:<digest>`.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "algorithm",
        "keyId",
        "value"
      ],
      "properties": {
        "algorithm": {
          "const": "ed25519"
        },
        "keyId": {
          "description": "`sha256:` and the first 32 hex digits of the SHA-256 of the public key's SPKI DER encoding.",
          "type": "string",
          "pattern": "^sha256:[0-9a-f]{32}$"
        },
        "value": {
          "description": "The 64-byte signature, base64.",
          "type": "string",
          "pattern": "^[A-Za-z0-9+/]{86}==$"
        }
      }
    },
    "ProfileResult": {
      "description": "One conformance profile's verdict. passed: every requirement declared, every case judged, thresholds held; failed: reasons says why; partial: what ran passed, but the selection (--grep, --stride, --shard...) left some of the profile's cases out, so it is no verdict of conformance.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "promise",
        "status",
        "languages",
        "counts",
        "judged",
        "unsupportedShare",
        "notSelected",
        "requirements",
        "reasons",
        "cases"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "title": {
          "type": "string"
        },
        "promise": {
          "type": "string"
        },
        "status": {
          "enum": [
            "passed",
            "failed",
            "partial"
          ]
        },
        "languages": {
          "type": "array",
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Language"
          }
        },
        "counts": {
          "$ref": "#/$defs/Counts"
        },
        "judged": {
          "description": "Cases passed, failed or flaky.",
          "type": "integer",
          "minimum": 0
        },
        "unsupportedShare": {
          "description": "Unsupported cases over all cases of the profile (0 to 1).",
          "type": "number",
          "minimum": 0,
          "maximum": 1
        },
        "notSelected": {
          "description": "Cases of the profile the run's selection left out.",
          "type": "integer",
          "minimum": 0
        },
        "requirements": {
          "description": "Every required capability, with what the executor declared.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/ProfileRequirementResult"
          }
        },
        "reasons": {
          "description": "Why the profile failed, one line each (empty when it passed).",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "cases": {
          "description": "Ids of the run's cases that belong to the profile.",
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "ProfileRequirementResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "required",
        "declared",
        "passed"
      ],
      "properties": {
        "id": {
          "description": "The requirement, as in its case id profile/<profile>/<id> (limits.memory, network, language.python...).",
          "type": "string"
        },
        "required": {
          "type": "string"
        },
        "declared": {
          "description": "What the executor declared, or (no answer) when it never answered initialize.",
          "type": "string"
        },
        "passed": {
          "type": "boolean"
        }
      }
    },
    "CorpusInfo": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "root",
        "digest",
        "scenarios"
      ],
      "properties": {
        "root": {
          "type": "string"
        },
        "digest": {
          "description": "SHA-256 over the sorted relative paths and contents of every scenario file.",
          "$ref": "protocol/v1/common.schema.json#/$defs/Sha256Hex"
        },
        "scenarios": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "TargetInfo": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "transport",
        "description",
        "initialize",
        "starts",
        "restarts"
      ],
      "properties": {
        "name": {
          "type": "string"
        },
        "transport": {
          "description": "The target kind's transport: stdio, websocket, in-memory, docker, adapter, or another registered kind.",
          "type": "string",
          "pattern": "^[a-z][a-z0-9-]{0,31}$"
        },
        "description": {
          "description": "The command line or URL, without credentials.",
          "type": "string"
        },
        "initialize": {
          "description": "The executor's answer to initialize, or null when it never gave one.",
          "oneOf": [
            {
              "$ref": "protocol/v1/initialize.schema.json#/$defs/InitializeResult"
            },
            {
              "type": "null"
            }
          ]
        },
        "starts": {
          "description": "Executor connections opened during the run.",
          "type": "integer",
          "minimum": 0
        },
        "restarts": {
          "description": "Connections replaced because the executor crashed, hung or closed.",
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "RunOptions": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "workers",
        "retries",
        "repeatEach",
        "graceMs",
        "selection"
      ],
      "properties": {
        "workers": {
          "type": "integer",
          "minimum": 1
        },
        "retries": {
          "type": "integer",
          "minimum": 0
        },
        "repeatEach": {
          "type": "integer",
          "minimum": 1
        },
        "graceMs": {
          "type": "integer",
          "minimum": 0
        },
        "shard": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "index",
            "total"
          ],
          "properties": {
            "index": {
              "type": "integer",
              "minimum": 1
            },
            "total": {
              "type": "integer",
              "minimum": 1
            }
          }
        },
        "selection": {
          "$ref": "#/$defs/Selection"
        },
        "profiles": {
          "description": "The conformance profiles the run judged (--profile); empty with --profile none.",
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "Selection": {
      "description": "The filters that chose the cases; every present filter must match.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "grep": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "grepInvert": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "stride": {
          "type": "array",
          "items": {
            "$ref": "scenario.schema.json#/$defs/StrideCategory"
          }
        },
        "severity": {
          "type": "array",
          "items": {
            "$ref": "scenario.schema.json#/$defs/Severity"
          }
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "languages": {
          "type": "array",
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Language"
          }
        },
        "lastFailed": {
          "type": "boolean"
        }
      }
    },
    "Counts": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "total",
        "passed",
        "failed",
        "errored",
        "unsupported",
        "flaky"
      ],
      "properties": {
        "total": {
          "type": "integer",
          "minimum": 0
        },
        "passed": {
          "type": "integer",
          "minimum": 0
        },
        "failed": {
          "type": "integer",
          "minimum": 0
        },
        "errored": {
          "type": "integer",
          "minimum": 0
        },
        "unsupported": {
          "type": "integer",
          "minimum": 0
        },
        "flaky": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "Summary": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "all",
        "byStride",
        "bySeverity",
        "byLane"
      ],
      "properties": {
        "all": {
          "$ref": "#/$defs/Counts"
        },
        "byStride": {
          "type": "object",
          "propertyNames": {
            "$ref": "scenario.schema.json#/$defs/StrideCategory"
          },
          "additionalProperties": {
            "$ref": "#/$defs/Counts"
          }
        },
        "bySeverity": {
          "type": "object",
          "propertyNames": {
            "$ref": "scenario.schema.json#/$defs/Severity"
          },
          "additionalProperties": {
            "$ref": "#/$defs/Counts"
          }
        },
        "byLane": {
          "type": "object",
          "additionalProperties": {
            "$ref": "#/$defs/Counts"
          }
        }
      }
    },
    "GateResult": {
      "description": "passed: every rule of the gate held; reasons says why not, one line per failed rule. rules, suppressed, expectations and baseline give the detail (schemas/gate.schema.json).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "passed",
        "reasons"
      ],
      "properties": {
        "passed": {
          "type": "boolean"
        },
        "reasons": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "rules": {
          "description": "Every rule checked, passed ones included, with the threshold and the observed value.",
          "type": "array",
          "items": {
            "$ref": "gate.schema.json#/$defs/GateRuleResult"
          }
        },
        "suppressed": {
          "description": "Ids of the cases an unexpired expectation suppressed: shown in every report, left out of the pass rates.",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "expectations": {
          "type": "array",
          "items": {
            "$ref": "gate.schema.json#/$defs/AppliedExpectation"
          }
        },
        "baseline": {
          "$ref": "gate.schema.json#/$defs/BaselineComparison"
        }
      }
    },
    "CaseInfo": {
      "description": "What was run: a scenario in one language, or a fuzz property.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "kind",
        "lane",
        "title",
        "tags"
      ],
      "properties": {
        "id": {
          "description": "<scenario id>@<language>, with #<n> when repeated; fuzz/<property> for fuzz cases.",
          "type": "string"
        },
        "kind": {
          "description": "scenario: a scenario in one language; fuzz: a fuzz property; profile: one capability a conformance profile requires.",
          "enum": [
            "scenario",
            "fuzz",
            "profile"
          ]
        },
        "lane": {
          "description": "Scheduling group: parallel, serial or fuzz.",
          "type": "string"
        },
        "title": {
          "type": "string"
        },
        "scenarioId": {
          "type": "string"
        },
        "file": {
          "description": "The scenario file, relative to the corpus root.",
          "type": "string"
        },
        "stride": {
          "$ref": "scenario.schema.json#/$defs/StrideCategory"
        },
        "strideSecondary": {
          "type": "array",
          "items": {
            "$ref": "scenario.schema.json#/$defs/StrideCategory"
          }
        },
        "severity": {
          "$ref": "scenario.schema.json#/$defs/Severity"
        },
        "securitySeverity": {
          "type": "number"
        },
        "classification": {
          "$ref": "scenario.schema.json#/$defs/Classification"
        },
        "language": {
          "$ref": "protocol/v1/common.schema.json#/$defs/Language"
        },
        "repeat": {
          "type": "integer",
          "minimum": 1
        },
        "tags": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "remediation": {
          "type": "string"
        },
        "description": {
          "description": "The scenario's description (Markdown): what the attack does and why the expected outcome is the secure one.",
          "type": "string"
        },
        "references": {
          "description": "The scenario's references: advisories, write-ups and spec clauses (URLs).",
          "type": "array",
          "items": {
            "type": "string"
          }
        }
      }
    },
    "CaseResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "case",
        "outcome",
        "durationMs",
        "attempts",
        "replay"
      ],
      "properties": {
        "case": {
          "$ref": "#/$defs/CaseInfo"
        },
        "outcome": {
          "$ref": "#/$defs/CaseOutcome"
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "attempts": {
          "description": "Every attempt, failed ones included, in order.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/Attempt"
          }
        },
        "replay": {
          "description": "The command that runs this case alone again, with the same seed.",
          "type": "string"
        }
      }
    },
    "CaseOutcome": {
      "description": "passed: every oracle held and the positive control was seen; failed: the executor is vulnerable (findings say where); errored: the run could not judge (never a pass); unsupported: the executor lacks a language, capability or canary the case needs; flaky: failed or errored first, passed on a retry.",
      "type": "object",
      "discriminator": {
        "propertyName": "status"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/CasePassed"
        },
        {
          "$ref": "#/$defs/CaseFailed"
        },
        {
          "$ref": "#/$defs/CaseErrored"
        },
        {
          "$ref": "#/$defs/CaseUnsupported"
        },
        {
          "$ref": "#/$defs/CaseFlaky"
        }
      ]
    },
    "CasePassed": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status"
      ],
      "properties": {
        "status": {
          "const": "passed"
        }
      }
    },
    "CaseFailed": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "findings"
      ],
      "properties": {
        "status": {
          "const": "failed"
        },
        "findings": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Finding"
          }
        }
      }
    },
    "CaseErrored": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "reason"
      ],
      "properties": {
        "status": {
          "const": "errored"
        },
        "reason": {
          "type": "string"
        }
      }
    },
    "CaseUnsupported": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "reason"
      ],
      "properties": {
        "status": {
          "const": "unsupported"
        },
        "reason": {
          "type": "string"
        }
      }
    },
    "CaseFlaky": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "reason"
      ],
      "properties": {
        "status": {
          "const": "flaky"
        },
        "reason": {
          "type": "string"
        },
        "findings": {
          "description": "Findings of the attempts that failed.",
          "type": "array",
          "items": {
            "$ref": "#/$defs/Finding"
          }
        }
      }
    },
    "AttemptStatus": {
      "enum": [
        "passed",
        "failed",
        "errored",
        "unsupported"
      ]
    },
    "Attempt": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "attempt",
        "status",
        "startedAt",
        "durationMs",
        "executorMs",
        "findings",
        "steps"
      ],
      "properties": {
        "attempt": {
          "type": "integer",
          "minimum": 1
        },
        "status": {
          "$ref": "#/$defs/AttemptStatus"
        },
        "reason": {
          "type": "string"
        },
        "startedAt": {
          "type": "string",
          "format": "date-time"
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        },
        "executorMs": {
          "description": "Time spent waiting on the executor (requests and executor starts); the rest is the harness's own overhead.",
          "type": "number",
          "minimum": 0
        },
        "findings": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/Finding"
          }
        },
        "steps": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/StepRecord"
          }
        },
        "seed": {
          "description": "For fuzz cases: the fast-check seed and path of this attempt.",
          "type": "string"
        },
        "protocolViolations": {
          "$ref": "#/$defs/ProtocolViolations"
        }
      }
    },
    "Finding": {
      "description": "One observation that shows the executor vulnerable, with its evidence.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle",
        "message",
        "at"
      ],
      "properties": {
        "oracle": {
          "description": "The oracle that judged, or harness for what the harness saw itself (a crash).",
          "type": "string"
        },
        "message": {
          "type": "string",
          "maxLength": 2000
        },
        "at": {
          "description": "When the harness observed the evidence.",
          "type": "string",
          "format": "date-time"
        },
        "channel": {
          "$ref": "scenario.schema.json#/$defs/Channel"
        },
        "step": {
          "type": "string"
        },
        "excerpt": {
          "description": "A bounded excerpt of the evidence, as received.",
          "type": "string",
          "maxLength": 2000
        },
        "canary": {
          "$ref": "scenario.schema.json#/$defs/CanaryKind"
        },
        "encoding": {
          "type": "string"
        },
        "expected": {
          "type": "string",
          "maxLength": 500
        },
        "observed": {
          "type": "string",
          "maxLength": 500
        }
      }
    },
    "StepRecord": {
      "description": "What the harness saw of one step, for the evidence trail.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "action",
        "tenant",
        "elapsedMs",
        "answer"
      ],
      "properties": {
        "id": {
          "type": "string"
        },
        "action": {
          "type": "string"
        },
        "tenant": {
          "type": "string"
        },
        "language": {
          "$ref": "protocol/v1/common.schema.json#/$defs/Language"
        },
        "elapsedMs": {
          "type": "number",
          "minimum": 0
        },
        "answer": {
          "description": "result: answered with a result; rpc-error: answered with a JSON-RPC error; no-answer: the deadline passed; closed: the connection closed first; invalid: the answer broke the protocol; skipped: not sent.",
          "enum": [
            "result",
            "rpc-error",
            "no-answer",
            "closed",
            "invalid",
            "skipped"
          ]
        },
        "round": {
          "description": "For a step the scenario repeats: which of its sends this was, from 1.",
          "type": "integer",
          "minimum": 1
        },
        "executionId": {
          "type": "string"
        },
        "status": {
          "enum": [
            "ok",
            "error"
          ]
        },
        "errorType": {
          "type": "string"
        },
        "rpcCode": {
          "type": "integer"
        },
        "detail": {
          "type": "string",
          "maxLength": 500
        },
        "code": {
          "description": "The code the step sent (execute steps), canary tokens rendered in; cut to 4000 characters with a note.",
          "type": "string",
          "maxLength": 4100
        },
        "markerSeen": {
          "type": "boolean"
        }
      }
    },
    "HarnessErrorRecord": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "code",
        "message"
      ],
      "properties": {
        "code": {
          "type": "string"
        },
        "message": {
          "type": "string"
        },
        "path": {
          "type": "string"
        }
      }
    },
    "ProtocolViolations": {
      "description": "Protocol violations counted by kind, with the first ones kept as evidence. On an attempt: those the executor committed while the attempt held its connection. On the report: every one the harness saw during the run, on every executor connection, inside a case or not (while starting, between cases, while shutting down).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "total",
        "byKind",
        "first"
      ],
      "properties": {
        "total": {
          "type": "integer",
          "minimum": 1
        },
        "byKind": {
          "type": "object",
          "propertyNames": {
            "$ref": "protocol/v1/protocol-violation.schema.json#/$defs/ProtocolViolationKind"
          },
          "additionalProperties": {
            "type": "integer",
            "minimum": 1
          }
        },
        "first": {
          "description": "The first violations, in the order seen (the harness keeps at most 20).",
          "type": "array",
          "items": {
            "$ref": "protocol/v1/protocol-violation.schema.json#/$defs/ProtocolViolation"
          }
        }
      }
    }
  }
}
];
