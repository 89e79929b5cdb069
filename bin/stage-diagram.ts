import { PHASES, PIPELINE, stageLabel, TERMINAL_STAGES } from '../functions/domain/pipeline';

/**
 * The stages of admission and of recognition after probation as a Mermaid flowchart, generated from the pipeline table so that the
 * README cannot drift from what the state machine does. `npm run docs:stages` writes it into the
 * README (bin/readme-blocks.ts).
 */
export function stageDiagram(): string {
  const ids = [...PIPELINE.map((s) => s.id), ...TERMINAL_STAGES.map((s) => s.id)];
  const nodes = ids.map((id) => `  ${id}["${id}<br/>${stageLabel(id).label}"]`);
  const edges = PIPELINE.flatMap((stage) =>
    Object.entries(stage.next).map(([outcome, next]) => `  ${stage.id} -->|${outcome}| ${next}`),
  );
  // A schedule, not a person, ends a scheduled wait (probation) and starts the next phase.
  const scheduled = Object.values(PHASES).flatMap(({ scheduledEntry: step }) =>
    step ? [`  ${step.during} ==>|${step.outcome} (EventBridge Scheduler)| ${step.next}`] : [],
  );
  const withdrawable = PIPELINE.filter((s) => s.actions.some((a) => a.delivery === 'fail'));
  const withdrawal = `  ${withdrawable.map((s) => s.id).join(' & ')} -.->|withdraw| WITHDRAWN`;
  // An administrator's correction, not a workflow step (POST /candidates/{id}/corrections).
  const revocation = '  ADMITTED -.->|revoke| REVOKED';
  return [
    '```mermaid',
    'flowchart TD',
    ...nodes,
    ...edges,
    ...scheduled,
    withdrawal,
    revocation,
    '```',
  ].join('\n');
}

if (require.main === module) console.log(stageDiagram());
