/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/protocol/audit.schema.json, schemas/protocol/common.schema.json, schemas/protocol/error-codes.schema.json, schemas/protocol/execute-cancel.schema.json, schemas/protocol/execute.schema.json, schemas/protocol/initialize.schema.json, schemas/protocol/jsonrpc.schema.json, schemas/protocol/notifications.schema.json, schemas/protocol/ping.schema.json, schemas/protocol/policy.schema.json, schemas/protocol/protocol-violation.schema.json, schemas/protocol/session.schema.json, schemas/protocol/shutdown.schema.json, schemas/protocol/tool-call.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The protocol JSON Schemas, embedded so that validators need no file access at run time. */
export const protocolSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/audit.schema.json",
  "title": "audit/query",
  "description": "Read the caller's tenant's audit entries. Each tenant's entries form one SHA-256 hash chain, so a tenant can verify its whole history without seeing anyone else's.",
  "$defs": {
    "AuditQueryParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "principal"
      ],
      "properties": {
        "principal": {
          "$ref": "common.schema.json#/$defs/Principal"
        },
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "afterSeq": {
          "description": "Only entries whose chainSeq is greater than this.",
          "type": "integer",
          "minimum": 0
        },
        "limit": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "AuditQueryResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "entries",
        "hasMore"
      ],
      "properties": {
        "entries": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/AuditEntry"
          }
        },
        "hasMore": {
          "type": "boolean"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "AuditEvent": {
      "description": "execution: an execution ran (whatever its outcome); execution.rejected: a request was refused before running; session.created / session.destroyed; tool.call: the code called a host tool (granted or not).",
      "enum": [
        "execution",
        "execution.rejected",
        "session.created",
        "session.destroyed",
        "tool.call"
      ]
    },
    "AuditEntry": {
      "description": "One append-only record. hash = SHA-256 of the canonical JSON (keys sorted, no whitespace) of the entry without its hash member; prevHash is the hash of the tenant's previous entry, or 64 zeros for the first.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "chainSeq",
        "time",
        "event",
        "tenantId",
        "userId",
        "prevHash",
        "hash"
      ],
      "properties": {
        "id": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "chainSeq": {
          "description": "Position in the tenant's chain, from 1, without gaps.",
          "type": "integer",
          "minimum": 1
        },
        "time": {
          "type": "string",
          "format": "date-time"
        },
        "event": {
          "$ref": "#/$defs/AuditEvent"
        },
        "tenantId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "userId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "language": {
          "type": "string",
          "maxLength": 64
        },
        "codeSha256": {
          "$ref": "common.schema.json#/$defs/Sha256Hex"
        },
        "status": {
          "description": "For execution: ok or error; for execution.rejected: rejected; for tool.call: the call's status.",
          "type": "string",
          "maxLength": 64
        },
        "errorType": {
          "type": "string",
          "maxLength": 64
        },
        "errorCode": {
          "description": "For execution.rejected: the JSON-RPC error code of the refusal.",
          "type": "integer"
        },
        "limitsHit": {
          "type": "array",
          "items": {
            "type": "string",
            "maxLength": 64
          }
        },
        "redactions": {
          "type": "integer",
          "minimum": 0
        },
        "detail": {
          "description": "Short redacted text, such as the tool name or the refusal reason.",
          "type": "string",
          "maxLength": 1024
        },
        "prevHash": {
          "$ref": "common.schema.json#/$defs/Sha256Hex"
        },
        "hash": {
          "$ref": "common.schema.json#/$defs/Sha256Hex"
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/common.schema.json",
  "title": "Shared protocol shapes",
  "description": "Shapes used by more than one message of the Gauntlet executor protocol v1.",
  "$defs": {
    "Language": {
      "description": "A language an executor can run. Executors list the ones they support in their initialize answer.",
      "enum": [
        "javascript",
        "typescript",
        "python",
        "shell"
      ]
    },
    "Identifier": {
      "description": "An opaque identifier chosen by the party that creates the object.",
      "type": "string",
      "minLength": 1,
      "maxLength": 128,
      "pattern": "^[A-Za-z0-9][A-Za-z0-9._:-]*$"
    },
    "Identity": {
      "description": "Who acts: a tenant and a user inside it. Carries no credential, so it may be echoed and logged.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "tenantId",
        "userId"
      ],
      "properties": {
        "tenantId": {
          "$ref": "#/$defs/Identifier"
        },
        "userId": {
          "$ref": "#/$defs/Identifier"
        }
      }
    },
    "Principal": {
      "description": "The identity a request claims plus the credential that proves it. An executor MUST check that the token belongs to tenantId and MUST NOT echo the token anywhere.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "tenantId",
        "userId",
        "token"
      ],
      "properties": {
        "tenantId": {
          "$ref": "#/$defs/Identifier"
        },
        "userId": {
          "$ref": "#/$defs/Identifier"
        },
        "token": {
          "type": "string",
          "minLength": 1,
          "maxLength": 512
        }
      }
    },
    "Sha256Hex": {
      "description": "A SHA-256 digest as 64 lowercase hexadecimal characters.",
      "type": "string",
      "pattern": "^[0-9a-f]{64}$"
    },
    "Meta": {
      "description": "Extension point: implementation-specific data that receivers MAY ignore. Keys SHOULD be namespaced (vendor/key).",
      "type": "object",
      "additionalProperties": true
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/error-codes.schema.json",
  "title": "Error codes",
  "description": "The codes of JSON-RPC errors in protocol v1. They report faults of a request; what the code itself caused is never one of them.",
  "$defs": {
    "ErrorCode": {
      "oneOf": [
        {
          "title": "ParseError",
          "const": -32700,
          "description": "The frame is not valid JSON, or not valid UTF-8."
        },
        {
          "title": "InvalidRequest",
          "const": -32600,
          "description": "The frame is JSON but not a JSON-RPC 2.0 request, notification or response."
        },
        {
          "title": "MethodNotFound",
          "const": -32601,
          "description": "No such method in this direction."
        },
        {
          "title": "InvalidParams",
          "const": -32602,
          "description": "The params do not match the schema, exceed an advertised maximum, or name an unsupported language; data.issues says where."
        },
        {
          "title": "InternalError",
          "const": -32603,
          "description": "The receiver failed before it could act on the request."
        },
        {
          "title": "NotInitialized",
          "const": -32001,
          "description": "A request other than initialize or ping arrived before initialize was answered."
        },
        {
          "title": "SessionNotFound",
          "const": -32002,
          "description": "No such session for this tenant. Also the answer for another tenant's session, so that the two cannot be told apart."
        },
        {
          "title": "SessionBusy",
          "const": -32003,
          "description": "The session is already running an execution."
        },
        {
          "title": "UnsupportedPolicy",
          "const": -32004,
          "description": "The executor cannot enforce part of the requested policy and refuses instead of running under a weaker one; data.unsupported says which parts."
        },
        {
          "title": "Unauthorized",
          "const": -32005,
          "description": "The token is unknown, or does not belong to the tenant the principal claims."
        },
        {
          "title": "RateLimited",
          "const": -32006,
          "description": "The tenant has exceeded its rate; data.retryAfterMs says when to retry."
        },
        {
          "title": "MessageTooLarge",
          "const": -32007,
          "description": "A frame exceeded the receiver's maximum message size and was discarded unread."
        },
        {
          "title": "RequestCancelled",
          "const": -32008,
          "description": "The request was cancelled before it produced a result."
        },
        {
          "title": "ShuttingDown",
          "const": -32009,
          "description": "The receiver is shutting down and takes no new work."
        },
        {
          "title": "ExecutionNotFound",
          "const": -32010,
          "description": "No such execution for this tenant (execute/cancel). Also the answer for another tenant's execution."
        },
        {
          "title": "ProtocolVersionMismatch",
          "const": -32011,
          "description": "The protocol major versions of the two peers differ."
        }
      ]
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/execute-cancel.schema.json",
  "title": "execute/cancel",
  "description": "Stop a running execution. Its pending execute request then resolves with a cancelled error. Another tenant's execution is answered like an unknown one.",
  "$defs": {
    "ExecuteCancelParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "principal",
        "executionId"
      ],
      "properties": {
        "principal": {
          "$ref": "common.schema.json#/$defs/Principal"
        },
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ExecuteCancelResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "cancelled"
      ],
      "properties": {
        "cancelled": {
          "description": "false when the execution had already finished.",
          "type": "boolean"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/execute.schema.json",
  "title": "execute",
  "description": "Run code once, or in a session. Whatever the code causes is reported in the result; faults of the request itself are JSON-RPC errors.",
  "$defs": {
    "ExecuteParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "principal",
        "language",
        "code",
        "policy"
      ],
      "properties": {
        "principal": {
          "$ref": "common.schema.json#/$defs/Principal"
        },
        "language": {
          "$ref": "common.schema.json#/$defs/Language"
        },
        "code": {
          "description": "Source text. Its UTF-8 size MUST NOT exceed maximums.codeBytes.",
          "type": "string"
        },
        "sessionId": {
          "description": "Run inside this session; omitted for a one-shot execution in a fresh sandbox.",
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "executionId": {
          "description": "Chosen by the caller so that it can cancel the execution; the executor generates one when absent.",
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "policy": {
          "$ref": "policy.schema.json#/$defs/Policy"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ExecuteResult": {
      "description": "The outcome of an execution: status ok, or status error with a typed error.",
      "oneOf": [
        {
          "$ref": "#/$defs/ExecuteSucceeded"
        },
        {
          "$ref": "#/$defs/ExecuteFailed"
        }
      ]
    },
    "ExecuteSucceeded": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "executionId",
        "stdout",
        "stderr",
        "resultTruncated",
        "toolCalls",
        "usage",
        "redactions",
        "auditIds"
      ],
      "properties": {
        "status": {
          "const": "ok"
        },
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "stdout": {
          "$ref": "#/$defs/CapturedOutput"
        },
        "stderr": {
          "$ref": "#/$defs/CapturedOutput"
        },
        "result": {
          "description": "The value the code produced (the value of the last expression, or what a top-level return gave). When its serialisation exceeded the cap in truncate mode, the first resultBytes bytes of that serialisation as a string."
        },
        "resultTruncated": {
          "type": "boolean"
        },
        "toolCalls": {
          "$ref": "#/$defs/ToolCallRecords"
        },
        "usage": {
          "$ref": "#/$defs/Usage"
        },
        "redactions": {
          "$ref": "#/$defs/RedactionCount"
        },
        "auditIds": {
          "$ref": "#/$defs/AuditIds"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ExecuteFailed": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "status",
        "executionId",
        "error",
        "stdout",
        "stderr",
        "toolCalls",
        "usage",
        "redactions",
        "auditIds"
      ],
      "properties": {
        "status": {
          "const": "error"
        },
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "error": {
          "$ref": "#/$defs/ExecutionError"
        },
        "stdout": {
          "$ref": "#/$defs/CapturedOutput"
        },
        "stderr": {
          "$ref": "#/$defs/CapturedOutput"
        },
        "toolCalls": {
          "$ref": "#/$defs/ToolCallRecords"
        },
        "usage": {
          "$ref": "#/$defs/Usage"
        },
        "redactions": {
          "$ref": "#/$defs/RedactionCount"
        },
        "auditIds": {
          "$ref": "#/$defs/AuditIds"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "CapturedOutput": {
      "description": "One output stream as the executor captured it, already redacted. Output produced before a kill is included.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "text",
        "truncated",
        "bytes"
      ],
      "properties": {
        "text": {
          "type": "string"
        },
        "truncated": {
          "type": "boolean"
        },
        "bytes": {
          "description": "How many bytes the code wrote to the stream, kept or not.",
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "ExecutionErrorType": {
      "description": "syntax: rejected before running; runtime: an uncaught error; timeout: the wall-time budget ran out; resource: a memory or other resource limit was hit; permission: the code's uncaught failure came from a policy denial; validation: a tool call's arguments did not match its schema; output_limit: an output cap was hit in kill mode; cancelled: execute/cancel or a cancelled request stopped it; internal: the executor or sandbox broke for reasons not caused by the code.",
      "enum": [
        "syntax",
        "runtime",
        "timeout",
        "resource",
        "permission",
        "validation",
        "output_limit",
        "cancelled",
        "internal"
      ]
    },
    "ExecutionError": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "message"
      ],
      "properties": {
        "type": {
          "$ref": "#/$defs/ExecutionErrorType"
        },
        "message": {
          "type": "string"
        },
        "name": {
          "description": "The language's own error class, such as TypeError, ZeroDivisionError or NotCapable.",
          "type": "string",
          "maxLength": 256
        },
        "stack": {
          "type": "string"
        },
        "limit": {
          "$ref": "#/$defs/LimitBreach"
        },
        "resource": {
          "description": "For permission errors: what was denied (a path, a host:port, an env name, a tool).",
          "type": "string"
        }
      }
    },
    "LimitKind": {
      "enum": [
        "wall_time",
        "memory",
        "stdout",
        "stderr",
        "result",
        "tool_time",
        "tool_calls",
        "processes",
        "disk"
      ]
    },
    "LimitBreach": {
      "description": "Which limit stopped the code, its configured value and what the executor observed, in the limit's unit (milliseconds, bytes or a count).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "configured"
      ],
      "properties": {
        "kind": {
          "$ref": "#/$defs/LimitKind"
        },
        "configured": {
          "type": "number",
          "minimum": 0
        },
        "observed": {
          "type": "number",
          "minimum": 0
        }
      }
    },
    "ToolCallStatus": {
      "description": "ok and error: the harness answered; invalid_arguments: refused by the executor before reaching the harness; denied: the tool was not granted; timeout: no answer within the tool's deadline; refused: called after the execution ended.",
      "enum": [
        "ok",
        "error",
        "invalid_arguments",
        "denied",
        "timeout",
        "refused"
      ]
    },
    "ToolCallRecord": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "callId",
        "name",
        "status",
        "durationMs"
      ],
      "properties": {
        "callId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "name": {
          "type": "string",
          "maxLength": 256
        },
        "status": {
          "$ref": "#/$defs/ToolCallStatus"
        },
        "durationMs": {
          "type": "number",
          "minimum": 0
        }
      }
    },
    "ToolCallRecords": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/ToolCallRecord"
      }
    },
    "Usage": {
      "description": "What the execution consumed, as measured by the executor.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "wallMs"
      ],
      "properties": {
        "wallMs": {
          "type": "number",
          "minimum": 0
        },
        "cpuMs": {
          "type": "number",
          "minimum": 0
        },
        "peakMemoryBytes": {
          "type": "integer",
          "minimum": 0
        }
      }
    },
    "RedactionCount": {
      "description": "How many redactions the executor applied to this execution's output, result and errors.",
      "type": "integer",
      "minimum": 0
    },
    "AuditIds": {
      "description": "Ids of the audit entries written for this execution.",
      "type": "array",
      "items": {
        "$ref": "common.schema.json#/$defs/Identifier"
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/initialize.schema.json",
  "title": "initialize",
  "description": "First request of every connection: version and capability negotiation. The executor answers every other request except ping with -32001 until it has answered initialize.",
  "$defs": {
    "InitializeParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "protocolVersion",
        "harnessInfo"
      ],
      "properties": {
        "protocolVersion": {
          "$ref": "#/$defs/ProtocolVersion"
        },
        "harnessInfo": {
          "$ref": "#/$defs/PeerInfo"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "InitializeResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "protocolVersion",
        "executorInfo",
        "languages",
        "capabilities"
      ],
      "properties": {
        "protocolVersion": {
          "$ref": "#/$defs/ProtocolVersion"
        },
        "executorInfo": {
          "$ref": "#/$defs/ExecutorInfo"
        },
        "languages": {
          "type": "array",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/LanguageInfo"
          }
        },
        "capabilities": {
          "$ref": "#/$defs/Capabilities"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ProtocolVersion": {
      "description": "MAJOR.MINOR. Peers with different majors cannot talk; a minor only adds optional members.",
      "type": "string",
      "pattern": "^[0-9]+\\.[0-9]+$"
    },
    "PeerInfo": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "version"
      ],
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "version": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      }
    },
    "ExecutorInfo": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "version",
        "isolation"
      ],
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "version": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        },
        "isolation": {
          "$ref": "#/$defs/IsolationKind"
        },
        "description": {
          "type": "string",
          "maxLength": 4096
        },
        "components": {
          "description": "The installed versions of the runtimes and libraries that run the code (for example deno 2.9.6, pyodide 314.0.7), so a report names exactly what was measured. Informative only: no verdict rests on it.",
          "type": "array",
          "maxItems": 32,
          "items": {
            "$ref": "#/$defs/PeerInfo"
          }
        }
      }
    },
    "IsolationKind": {
      "description": "The boundary that separates untrusted code from the executor: a separate OS process, a container, a micro-VM, a V8 isolate, a WebAssembly instance, the executor's own process, or nothing.",
      "enum": [
        "process",
        "container",
        "microvm",
        "v8-isolate",
        "wasm",
        "in-process",
        "none"
      ]
    },
    "LanguageInfo": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id"
      ],
      "properties": {
        "id": {
          "$ref": "common.schema.json#/$defs/Language"
        },
        "version": {
          "type": "string",
          "maxLength": 64
        },
        "runtime": {
          "type": "string",
          "maxLength": 128
        },
        "absentApis": {
          "description": "Host APIs of the protocol's list (§7.8) that code in this language cannot use in this executor's sandbox, such as btoa, TextEncoder, setTimeout, fetch, process. A case whose payload needs one of them is unsupported rather than run. Omitted: the executor claims nothing.",
          "type": "array",
          "uniqueItems": true,
          "maxItems": 64,
          "items": {
            "type": "string",
            "pattern": "^[A-Za-z_$][A-Za-z0-9_$]{0,63}$"
          }
        }
      }
    },
    "Enforcement": {
      "description": "hard: the executor stops the code when the limit is reached; soft: best effort, the code may overshoot; none: not enforced.",
      "enum": [
        "hard",
        "soft",
        "none"
      ]
    },
    "Capabilities": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "limits",
        "network",
        "filesystem",
        "outputModes",
        "subprocesses",
        "sessions",
        "tools",
        "audit",
        "redaction",
        "cancel",
        "maximums"
      ],
      "properties": {
        "limits": {
          "description": "How each limit of the policy is enforced.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "wallTime",
            "memory",
            "output"
          ],
          "properties": {
            "wallTime": {
              "$ref": "#/$defs/Enforcement"
            },
            "memory": {
              "$ref": "#/$defs/Enforcement"
            },
            "output": {
              "$ref": "#/$defs/Enforcement"
            },
            "toolTime": {
              "$ref": "#/$defs/Enforcement"
            }
          }
        },
        "network": {
          "description": "Network modes the executor can enforce.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "enum": [
              "none",
              "allowlist"
            ]
          }
        },
        "filesystem": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "policy.schema.json#/$defs/FilesystemMode"
          }
        },
        "outputModes": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "enum": [
              "truncate",
              "kill"
            ]
          }
        },
        "subprocesses": {
          "description": "Which values of policy.allowSubprocesses the executor can honour.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "canDeny",
            "canAllow"
          ],
          "properties": {
            "canDeny": {
              "type": "boolean"
            },
            "canAllow": {
              "type": "boolean"
            }
          }
        },
        "sessions": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "supported"
          ],
          "properties": {
            "supported": {
              "type": "boolean"
            },
            "maxPerTenant": {
              "type": "integer",
              "minimum": 1
            }
          }
        },
        "tools": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "supported",
            "languages"
          ],
          "properties": {
            "supported": {
              "type": "boolean"
            },
            "languages": {
              "type": "array",
              "uniqueItems": true,
              "items": {
                "$ref": "common.schema.json#/$defs/Language"
              }
            }
          }
        },
        "audit": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "supported",
            "hashChain"
          ],
          "properties": {
            "supported": {
              "type": "boolean"
            },
            "hashChain": {
              "type": "boolean"
            }
          }
        },
        "redaction": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "supported",
            "encodings",
            "credentialShapes",
            "minSecretLength"
          ],
          "properties": {
            "supported": {
              "type": "boolean"
            },
            "encodings": {
              "description": "Encodings of a given secret that are redacted besides the plain value.",
              "type": "array",
              "uniqueItems": true,
              "items": {
                "enum": [
                  "base64",
                  "hex",
                  "url"
                ]
              }
            },
            "credentialShapes": {
              "description": "Credential formats redacted even when not given as secrets.",
              "type": "array",
              "uniqueItems": true,
              "items": {
                "$ref": "#/$defs/CredentialShape"
              }
            },
            "minSecretLength": {
              "type": "integer",
              "minimum": 8
            }
          }
        },
        "cancel": {
          "type": "boolean"
        },
        "rateLimit": {
          "description": "The rate the executor enforces (since 1.2): a token bucket of burst requests that refills perSecond, per tenant or for the whole executor (scope). Every execute and session/create that passes authentication takes a token, whatever its later outcome (§2.8 puts the rate check before the others); one that finds the bucket empty is answered -32006 with data.retryAfterMs. Absent: the executor declares no rate.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "burst",
            "perSecond",
            "scope"
          ],
          "properties": {
            "burst": {
              "type": "integer",
              "minimum": 1
            },
            "perSecond": {
              "type": "number",
              "exclusiveMinimum": 0
            },
            "scope": {
              "enum": [
                "tenant",
                "executor"
              ]
            }
          }
        },
        "maximums": {
          "$ref": "#/$defs/Maximums"
        }
      }
    },
    "CredentialShape": {
      "enum": [
        "aws-access-key",
        "github-token",
        "stripe-key",
        "jwt",
        "pem-private-key"
      ]
    },
    "Maximums": {
      "description": "The largest values the executor accepts. A request above one of them gets error -32602.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "wallTimeMs",
        "memoryBytes",
        "stdoutBytes",
        "stderrBytes",
        "resultBytes",
        "codeBytes",
        "messageBytes"
      ],
      "properties": {
        "wallTimeMs": {
          "type": "integer",
          "minimum": 1
        },
        "memoryBytes": {
          "type": "integer",
          "minimum": 1
        },
        "stdoutBytes": {
          "type": "integer",
          "minimum": 0
        },
        "stderrBytes": {
          "type": "integer",
          "minimum": 0
        },
        "resultBytes": {
          "type": "integer",
          "minimum": 0
        },
        "codeBytes": {
          "type": "integer",
          "minimum": 1
        },
        "messageBytes": {
          "type": "integer",
          "minimum": 1024
        },
        "toolTimeoutMs": {
          "type": "integer",
          "minimum": 1
        },
        "concurrentExecutions": {
          "type": "integer",
          "minimum": 1
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/jsonrpc.schema.json",
  "title": "JSON-RPC 2.0 envelope",
  "description": "Every frame is exactly one of these objects. Batches are not used.",
  "$defs": {
    "RequestId": {
      "description": "Chosen by the sender, unique among its requests in flight.",
      "oneOf": [
        {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        {
          "type": "integer"
        }
      ]
    },
    "JsonRpcRequest": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "jsonrpc",
        "id",
        "method"
      ],
      "properties": {
        "jsonrpc": {
          "const": "2.0"
        },
        "id": {
          "$ref": "#/$defs/RequestId"
        },
        "method": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "params": {
          "type": "object",
          "additionalProperties": true
        }
      }
    },
    "JsonRpcNotification": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "jsonrpc",
        "method"
      ],
      "properties": {
        "jsonrpc": {
          "const": "2.0"
        },
        "method": {
          "type": "string",
          "minLength": 1,
          "maxLength": 128
        },
        "params": {
          "type": "object",
          "additionalProperties": true
        }
      }
    },
    "JsonRpcSuccess": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "jsonrpc",
        "id",
        "result"
      ],
      "properties": {
        "jsonrpc": {
          "const": "2.0"
        },
        "id": {
          "$ref": "#/$defs/RequestId"
        },
        "result": {
          "description": "Any JSON value."
        }
      }
    },
    "JsonRpcFailure": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "jsonrpc",
        "id",
        "error"
      ],
      "properties": {
        "jsonrpc": {
          "const": "2.0"
        },
        "id": {
          "description": "null only when the request's id could not be read.",
          "oneOf": [
            {
              "$ref": "#/$defs/RequestId"
            },
            {
              "type": "null"
            }
          ]
        },
        "error": {
          "$ref": "#/$defs/JsonRpcError"
        }
      }
    },
    "JsonRpcMessage": {
      "oneOf": [
        {
          "$ref": "#/$defs/JsonRpcRequest"
        },
        {
          "$ref": "#/$defs/JsonRpcNotification"
        },
        {
          "$ref": "#/$defs/JsonRpcSuccess"
        },
        {
          "$ref": "#/$defs/JsonRpcFailure"
        }
      ]
    },
    "JsonRpcError": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "code",
        "message"
      ],
      "properties": {
        "code": {
          "type": "integer"
        },
        "message": {
          "type": "string",
          "maxLength": 65536
        },
        "data": {
          "$ref": "#/$defs/ErrorData"
        }
      }
    },
    "ErrorData": {
      "description": "Machine-readable detail of an error. Executors MAY add members under _meta only.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "reason": {
          "description": "A short snake_case sub-code, such as code_too_large or unknown_language.",
          "type": "string",
          "maxLength": 128
        },
        "issues": {
          "description": "For -32602: each offending member, by JSON pointer into params.",
          "type": "array",
          "maxItems": 100,
          "items": {
            "$ref": "#/$defs/ValidationIssue"
          }
        },
        "unsupported": {
          "description": "For -32004: JSON pointers into params of the policy members the executor cannot enforce.",
          "type": "array",
          "items": {
            "type": "string",
            "maxLength": 1024
          }
        },
        "retryAfterMs": {
          "type": "integer",
          "minimum": 0
        },
        "auditIds": {
          "type": "array",
          "items": {
            "$ref": "common.schema.json#/$defs/Identifier"
          }
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ValidationIssue": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "pointer",
        "message"
      ],
      "properties": {
        "pointer": {
          "description": "JSON pointer (RFC 6901) to the offending member; empty for the whole document.",
          "type": "string",
          "maxLength": 1024
        },
        "message": {
          "type": "string",
          "maxLength": 1024
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/notifications.schema.json",
  "title": "Notifications",
  "description": "Messages without an id, which get no answer.",
  "$defs": {
    "CancelledNotificationParams": {
      "description": "notifications/cancelled: the sender no longer wants the answer to requestId (its deadline passed or its caller gave up). The receiver SHOULD stop the work; for execute it MUST act as for execute/cancel. It MAY still answer; the sender ignores that answer.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "requestId"
      ],
      "properties": {
        "requestId": {
          "$ref": "jsonrpc.schema.json#/$defs/RequestId"
        },
        "reason": {
          "type": "string",
          "maxLength": 1024
        }
      }
    },
    "LogNotificationParams": {
      "description": "notifications/log: a redacted line of the executor's own log, for peers that cannot read its stderr.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "level",
        "message"
      ],
      "properties": {
        "level": {
          "enum": [
            "debug",
            "info",
            "warn",
            "error"
          ]
        },
        "message": {
          "type": "string",
          "maxLength": 65536
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/ping.schema.json",
  "title": "ping",
  "description": "Liveness check, allowed before initialize. Either side may send it.",
  "$defs": {
    "PingParams": {
      "description": "No parameters.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      },
      "title": "PingParams"
    },
    "PingResult": {
      "description": "Success carries no data.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      },
      "title": "PingResult"
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/policy.schema.json",
  "title": "Execution policy",
  "description": "What an execution may do and use. An executor MUST enforce every field or refuse the request (error -32004); it MUST NOT run under a weaker policy.",
  "$defs": {
    "Policy": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "wallTimeMs",
        "memoryBytes",
        "output",
        "network",
        "filesystem",
        "allowSubprocesses"
      ],
      "properties": {
        "wallTimeMs": {
          "description": "Wall-clock budget in milliseconds, measured from the start of the code and including time spent waiting on tool calls.",
          "type": "integer",
          "minimum": 1
        },
        "memoryBytes": {
          "description": "Peak memory the execution may use, in bytes, all runtimes of the sandbox included (a WebAssembly heap counts).",
          "type": "integer",
          "minimum": 1048576
        },
        "output": {
          "$ref": "#/$defs/OutputPolicy"
        },
        "network": {
          "$ref": "#/$defs/NetworkPolicy"
        },
        "filesystem": {
          "$ref": "#/$defs/FilesystemMode"
        },
        "env": {
          "description": "The complete environment the code sees. Nothing is inherited from the executor's own environment.",
          "type": "object",
          "maxProperties": 256,
          "propertyNames": {
            "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,127}$"
          },
          "additionalProperties": {
            "type": "string",
            "maxLength": 32768
          }
        },
        "allowSubprocesses": {
          "description": "Whether the code may start other processes.",
          "type": "boolean"
        },
        "tools": {
          "description": "Host tools the code may call. Calls go to the harness as tool/call requests.",
          "type": "array",
          "maxItems": 64,
          "items": {
            "$ref": "#/$defs/ToolSpec"
          }
        },
        "secrets": {
          "description": "Values the executor MUST redact from everything it emits.",
          "type": "array",
          "maxItems": 64,
          "items": {
            "$ref": "#/$defs/Secret"
          }
        }
      }
    },
    "OutputPolicy": {
      "description": "Caps on what the execution may emit, in bytes of UTF-8.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "stdoutBytes",
        "stderrBytes",
        "resultBytes",
        "onExceed"
      ],
      "properties": {
        "stdoutBytes": {
          "type": "integer",
          "minimum": 0
        },
        "stderrBytes": {
          "type": "integer",
          "minimum": 0
        },
        "resultBytes": {
          "description": "Cap on the JSON serialisation of the result value.",
          "type": "integer",
          "minimum": 0
        },
        "onExceed": {
          "description": "truncate: keep the first bytes and let the code run on; kill: stop the execution with an output_limit error.",
          "enum": [
            "truncate",
            "kill"
          ]
        }
      }
    },
    "NetworkPolicy": {
      "description": "Network reach of the code. Only loopback endpoints can ever be allowed.",
      "oneOf": [
        {
          "$ref": "#/$defs/NetworkNone"
        },
        {
          "$ref": "#/$defs/NetworkAllowlist"
        }
      ]
    },
    "NetworkNone": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "mode"
      ],
      "properties": {
        "mode": {
          "const": "none"
        }
      }
    },
    "NetworkAllowlist": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "mode",
        "allow"
      ],
      "properties": {
        "mode": {
          "const": "allowlist"
        },
        "allow": {
          "type": "array",
          "minItems": 1,
          "maxItems": 32,
          "uniqueItems": true,
          "items": {
            "$ref": "#/$defs/LoopbackEndpoint"
          }
        }
      }
    },
    "LoopbackEndpoint": {
      "description": "A loopback host and port, as host:port.",
      "type": "string",
      "pattern": "^(127\\.0\\.0\\.1|localhost|\\[::1\\]):([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$"
    },
    "FilesystemMode": {
      "description": "none: no file access at all; ephemeral: a private scratch directory wiped after the execution; session: the session's private directory, kept until the session is destroyed.",
      "enum": [
        "none",
        "ephemeral",
        "session"
      ]
    },
    "ToolSpec": {
      "description": "A host tool offered to the code.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "inputSchema"
      ],
      "properties": {
        "name": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$"
        },
        "description": {
          "type": "string",
          "maxLength": 4096
        },
        "inputSchema": {
          "description": "JSON Schema (2020-12) for the tool's arguments object. The executor validates arguments against it before the call reaches the harness.",
          "type": "object",
          "additionalProperties": true
        },
        "timeoutMs": {
          "description": "Deadline for one call, enforced by the executor.",
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "Secret": {
      "description": "A value to redact, named so that the redaction marker can say which secret it hid.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "name",
        "value"
      ],
      "properties": {
        "name": {
          "type": "string",
          "pattern": "^[A-Z][A-Z0-9_]{0,63}$"
        },
        "value": {
          "type": "string",
          "minLength": 8,
          "maxLength": 4096
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/protocol-violation.schema.json",
  "title": "protocol violation",
  "description": "Not a message: what a receiver records when the other side breaks the protocol. Reports carry these records.",
  "$defs": {
    "ProtocolViolationKind": {
      "description": "What the other side got wrong. parse-error: a line that is not JSON (stdout pollution); batch: a JSON-RPC batch; duplicate-response: a second answer to one request; unknown-response-id: an answer to no request in flight; wrong-direction and unknown-method: a request the receiver may not get; before-initialize: anything but the answer to initialize before it; invalid-error: an error response off the schema (its data, say); too-deep: nesting beyond the receiver's bound; unread-replies: the other side stopped reading the answers it asked for, and was disconnected.",
      "enum": [
        "parse-error",
        "invalid-utf8",
        "oversized-message",
        "invalid-message",
        "batch",
        "unknown-response-id",
        "duplicate-response",
        "invalid-params",
        "invalid-result",
        "invalid-error",
        "unknown-method",
        "wrong-direction",
        "before-initialize",
        "too-deep",
        "unread-replies"
      ]
    },
    "ProtocolViolation": {
      "description": "Something the other side sent that breaks the protocol. Violations are data: the peer records them, answers where JSON-RPC says to, and stays usable unless the violation makes that impossible.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "kind",
        "detail",
        "excerpt",
        "at"
      ],
      "properties": {
        "kind": {
          "$ref": "#/$defs/ProtocolViolationKind"
        },
        "detail": {
          "description": "What was wrong, with the JSON pointer where one applies.",
          "type": "string"
        },
        "excerpt": {
          "description": "The first characters of the offending frame, as received.",
          "type": "string"
        },
        "at": {
          "description": "When the harness saw it, in ms since the epoch.",
          "type": "number",
          "minimum": 0
        },
        "method": {
          "description": "The method concerned, when known.",
          "type": "string"
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/session.schema.json",
  "title": "session/create and session/destroy",
  "description": "A session owns one sandbox for its whole life; its state (variables, files) is visible only to executions in that session. Another tenant's session id is answered exactly like an unknown id (-32002).",
  "$defs": {
    "SessionCreateParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "principal",
        "language",
        "policy"
      ],
      "properties": {
        "principal": {
          "$ref": "common.schema.json#/$defs/Principal"
        },
        "language": {
          "$ref": "common.schema.json#/$defs/Language"
        },
        "policy": {
          "description": "The session's ceiling: an execution in the session may tighten it, never loosen it.",
          "$ref": "policy.schema.json#/$defs/Policy"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "SessionCreateResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "sessionId"
      ],
      "properties": {
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "expiresAt": {
          "type": "string",
          "format": "date-time"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "SessionDestroyParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "principal",
        "sessionId"
      ],
      "properties": {
        "principal": {
          "$ref": "common.schema.json#/$defs/Principal"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "SessionDestroyResult": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "destroyed"
      ],
      "properties": {
        "destroyed": {
          "const": true
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/shutdown.schema.json",
  "title": "shutdown",
  "description": "Graceful stop: the executor cancels running executions, destroys sessions, flushes its audit log, answers, then exits.",
  "$defs": {
    "ShutdownParams": {
      "description": "No parameters.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      },
      "title": "ShutdownParams"
    },
    "ShutdownResult": {
      "description": "Success carries no data.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      },
      "title": "ShutdownResult"
    }
  }
},
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/protocol/v1/tool-call.schema.json",
  "title": "tool/call",
  "description": "Sent by the executor to the harness when sandboxed code calls a host tool whose arguments passed validation.",
  "$defs": {
    "ToolCallParams": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "executionId",
        "callId",
        "name",
        "arguments",
        "principal"
      ],
      "properties": {
        "executionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "sessionId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "callId": {
          "$ref": "common.schema.json#/$defs/Identifier"
        },
        "name": {
          "type": "string",
          "pattern": "^[A-Za-z_][A-Za-z0-9_]{0,63}$"
        },
        "arguments": {
          "type": "object",
          "additionalProperties": true
        },
        "principal": {
          "description": "Who the execution runs for. Never carries the credential.",
          "$ref": "common.schema.json#/$defs/Identity"
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    },
    "ToolCallResult": {
      "description": "The tool's answer. With isError the code sees an exception carrying message; otherwise it receives value.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "value": {
          "description": "Any JSON value."
        },
        "isError": {
          "type": "boolean"
        },
        "message": {
          "type": "string",
          "maxLength": 65536
        },
        "_meta": {
          "$ref": "common.schema.json#/$defs/Meta"
        }
      }
    }
  }
}
];
