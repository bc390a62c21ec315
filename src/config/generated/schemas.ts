/* eslint-disable */
// GENERATED FILE: do not edit. Source: schemas/config.schema.json
// Regenerate with `npm run generate`; `npm run check:generated` fails when this file drifts.

/** The config JSON Schemas, embedded so that validators need no file access at run time. */
export const configSchemas: readonly object[] = [
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.gauntlet.dev/config.schema.json",
  "title": "Gauntlet configuration",
  "description": "gauntlet.config.json (or the default export of gauntlet.config.ts): named targets and run defaults. Command-line flags override it.",
  "$ref": "#/$defs/Config",
  "$defs": {
    "Config": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "$schema": {
          "type": "string"
        },
        "defaultTarget": {
          "description": "The target used when --target is absent: a name of targets, reference, stdio:<command line> or a ws:// URL.",
          "type": "string",
          "minLength": 1
        },
        "targets": {
          "description": "Named executors, selected with --target NAME.",
          "type": "object",
          "propertyNames": {
            "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$"
          },
          "additionalProperties": {
            "$ref": "#/$defs/Target"
          }
        },
        "run": {
          "$ref": "#/$defs/RunDefaults"
        },
        "gate": {
          "$ref": "gate.schema.json#/$defs/GateConfig"
        },
        "sarif": {
          "$ref": "#/$defs/SarifSettings"
        }
      }
    },
    "SarifSettings": {
      "description": "How the SARIF report (results.sarif) lands in GitHub code scanning.",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "location": {
          "description": "The file of your repository that code-scanning alerts point at, relative to this config file (default: this config file). Findings are about the executor, not a line of code, so they need a file you own: the config, the executor's entry point or a SECURITY.md.",
          "type": "string",
          "minLength": 1,
          "maxLength": 1024
        },
        "category": {
          "description": "The code-scanning category (SARIF runAutomationDetails.id is CATEGORY/RUN-ID), so that several targets or matrix jobs of one commit keep separate alerts. --sarif-category overrides it; default gauntlet/TARGET.",
          "type": "string",
          "pattern": "^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$",
          "maxLength": 200
        }
      }
    },
    "Target": {
      "description": "An executor: one Gauntlet starts over stdio or in a Docker container, or one it reaches over WebSocket.",
      "type": "object",
      "discriminator": {
        "propertyName": "transport"
      },
      "required": [
        "transport"
      ],
      "properties": {
        "transport": {
          "type": "string"
        }
      },
      "oneOf": [
        {
          "$ref": "#/$defs/StdioTarget"
        },
        {
          "$ref": "#/$defs/WebSocketTarget"
        },
        {
          "$ref": "#/$defs/DockerTarget"
        }
      ]
    },
    "DockerTarget": {
      "description": "Gauntlet starts image with the Docker engine (dockerode) and speaks the protocol over the container's attached stdio. The container gets env, GAUNTLET_TENANTS and the env canary, and the run's canary folder read-only at the same path (so file canaries sit in its own file system); it has no network unless hostConfig says so. Containers are labelled and removed after the run, after Ctrl-C, and (if the harness was killed) at the next start. Same as --target docker:IMAGE.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "transport",
        "image"
      ],
      "properties": {
        "transport": {
          "const": "docker"
        },
        "description": {
          "type": "string",
          "maxLength": 200
        },
        "image": {
          "type": "string",
          "minLength": 1,
          "maxLength": 512
        },
        "command": {
          "description": "Replaces the image's CMD.",
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "user": {
          "description": "uid:gid or a user name; default: the image's USER.",
          "type": "string"
        },
        "env": {
          "$ref": "#/$defs/EnvMap"
        },
        "hostConfig": {
          "description": "Docker HostConfig passed to the engine as given, to harden or weaken the executor's container (NetworkMode is none unless set).",
          "type": "object"
        },
        "tenants": {
          "$ref": "#/$defs/Tenants"
        },
        "canaries": {
          "$ref": "#/$defs/CanarySettings"
        },
        "policy": {
          "$ref": "scenario.schema.json#/$defs/PolicyOverrides"
        }
      }
    },
    "StdioTarget": {
      "description": "Gauntlet spawns command (without a shell) with an explicit environment: PATH, env, GAUNTLET_TENANTS and the canaries; nothing else of Gauntlet's own environment.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "transport",
        "command"
      ],
      "properties": {
        "transport": {
          "const": "stdio"
        },
        "description": {
          "type": "string",
          "maxLength": 200
        },
        "command": {
          "type": "string",
          "minLength": 1
        },
        "args": {
          "type": "array",
          "items": {
            "type": "string"
          }
        },
        "cwd": {
          "description": "Working directory, relative to the config file.",
          "type": "string"
        },
        "env": {
          "$ref": "#/$defs/EnvMap"
        },
        "tenants": {
          "$ref": "#/$defs/Tenants"
        },
        "canaries": {
          "$ref": "#/$defs/CanarySettings"
        },
        "policy": {
          "$ref": "scenario.schema.json#/$defs/PolicyOverrides"
        }
      }
    },
    "WebSocketTarget": {
      "description": "A running executor reached at url. Gauntlet cannot set its environment, so tenants are required and the env canary needs canaries.env.",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "transport",
        "url",
        "tenants"
      ],
      "properties": {
        "transport": {
          "const": "websocket"
        },
        "description": {
          "type": "string",
          "maxLength": 200
        },
        "url": {
          "type": "string",
          "pattern": "^wss?://"
        },
        "tenants": {
          "$ref": "#/$defs/Tenants"
        },
        "canaries": {
          "$ref": "#/$defs/CanarySettings"
        },
        "policy": {
          "$ref": "scenario.schema.json#/$defs/PolicyOverrides"
        }
      }
    },
    "EnvMap": {
      "description": "Environment variables given to the executor process.",
      "type": "object",
      "propertyNames": {
        "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"
      },
      "additionalProperties": {
        "type": "string"
      }
    },
    "Tenants": {
      "description": "Fixed credentials of the two tenants scenarios use. Without them Gauntlet generates random tokens for each run and gives them to the executors it starts in GAUNTLET_TENANTS (a JSON object of tenantId to token).",
      "type": "object",
      "additionalProperties": false,
      "required": [
        "attacker",
        "victim"
      ],
      "properties": {
        "attacker": {
          "$ref": "protocol/v1/common.schema.json#/$defs/Principal"
        },
        "victim": {
          "$ref": "protocol/v1/common.schema.json#/$defs/Principal"
        }
      }
    },
    "CanarySettings": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "disabled": {
          "description": "Canaries this target cannot host; scenarios that need them are unsupported.",
          "type": "array",
          "uniqueItems": true,
          "items": {
            "$ref": "scenario.schema.json#/$defs/CanaryKind"
          }
        },
        "env": {
          "description": "For executors Gauntlet does not start: an environment variable the operator planted in the executor's environment, and its value. Not fresh per case, so use a value no one else knows.",
          "type": "object",
          "additionalProperties": false,
          "required": [
            "name",
            "value"
          ],
          "properties": {
            "name": {
              "type": "string",
              "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"
            },
            "value": {
              "type": "string",
              "minLength": 16
            }
          }
        },
        "fileDir": {
          "description": "Where file canaries are written (default: a fresh directory under the system temp dir). Must be outside every sandbox path of the executor.",
          "type": "string"
        }
      }
    },
    "RunDefaults": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "scenarios": {
          "description": "Folder of the scenario corpus, relative to the config file (default: the scenarios folder shipped with Gauntlet).",
          "type": "string"
        },
        "workers": {
          "type": "integer",
          "minimum": 1,
          "maximum": 64
        },
        "retries": {
          "type": "integer",
          "minimum": 0,
          "maximum": 10
        },
        "graceMs": {
          "description": "Added to a step's wallTimeMs to make the harness's deadline for the answer.",
          "type": "integer",
          "minimum": 0,
          "maximum": 600000
        },
        "profiles": {
          "description": "Conformance profiles to judge (what --profile sets): names of profiles shipped in Gauntlet's profiles/ folder, or paths (relative to the config file) of profile files. [\"none\"] judges no profile. Default: [\"core\"].",
          "type": "array",
          "minItems": 1,
          "uniqueItems": true,
          "items": {
            "type": "string",
            "minLength": 1
          }
        },
        "outputDir": {
          "description": "Folder of the reports, relative to the working directory (default reports/latest).",
          "type": "string"
        },
        "policy": {
          "$ref": "scenario.schema.json#/$defs/PolicyOverrides"
        }
      }
    }
  }
}
];
