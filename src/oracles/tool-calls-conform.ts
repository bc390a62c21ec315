import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { formatIssues, toIssues } from '../validation/schema-validator.js';
import type { Finding } from '../report/generated/types.js';
import type { ToolCallSeen } from '../targets/executor-connection.js';
import { makeFinding } from './make-finding.js';
import type { Observation } from './observation.js';
import type { OracleFor } from './oracle.js';

/**
 * The executor is the gate between code and host tools: every tool/call the harness receives
 * must name a tool offered to that execution, and carry arguments valid against the tool's
 * inputSchema. The harness checks with its own validator, so an executor that validated a
 * different value than it forwarded (or nothing at all) is caught here.
 */
export const toolCallsConform: OracleFor<'tool-calls-conform'> = {
  name: 'tool-calls-conform',
  description: 'tool calls reach the host only for offered tools, with valid arguments',
  requires: ['tools'],
  judge(observation) {
    return observation.toolCalls.flatMap((call) => judgeCall(call, observation));
  },
};

function judgeCall(call: ToolCallSeen, observation: Observation): Finding[] {
  const step = observation.steps.find((s) => s.executionId !== undefined && s.executionId === call.params.executionId);
  // Calls of executions the case did not run (a canary's set-up) are not the attack's.
  if (!step) return [];
  const evidence = {
    channel: 'tool-call-arguments' as const,
    step: step.id,
    excerpt: JSON.stringify({ name: call.params.name, arguments: call.params.arguments }),
  };
  const tool = step.policy.tools?.find((t) => t.name === call.params.name);
  if (!tool)
    return [
      makeFinding(
        'tool-calls-conform',
        `the harness received a call to tool "${call.params.name}", which step ${step.id} was never offered`,
        call.at,
        {
          ...evidence,
          expected: `one of ${(step.policy.tools ?? []).map((t) => t.name).join(', ') || 'no tools'}`,
          observed: call.params.name,
        },
      ),
    ];
  const validate = compile(tool.inputSchema);
  if (validate(call.params.arguments)) return [];
  const issues = formatIssues(toIssues(validate.errors ?? []));
  return [
    makeFinding(
      'tool-calls-conform',
      `the harness received arguments for tool "${tool.name}" that break its inputSchema: ${issues}`,
      call.at,
      { ...evidence, expected: 'arguments valid against the inputSchema', observed: issues },
    ),
  ];
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
const compiled = new Map<string, ValidateFunction>();

function compile(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) compiled.set(key, (validate = ajv.compile(schema)));
  return validate;
}
