import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getGateSettings } from "@/db/queries/gate-settings";
import { requireMember } from "@/lib/auth/session";
import { CRITERION_KINDS, type CriterionKind, type GateCriterion } from "@/lib/domain/gates";
import { GATED_STAGES } from "@/lib/domain/gates/settings";
import { can } from "@/lib/domain/permissions";
import { ROLE_LABELS, ROLES } from "@/lib/domain/roles";
import { STAGE_LABELS, STAGES, stageIndex } from "@/lib/domain/stages";
import { SettingsTabs } from "../_components/settings-tabs";
import { type CriterionRow, GateStageForm } from "./_components/gate-stage-form";
import { OverridePolicyForm } from "./_components/override-policy-form";
import { updateGateAction, updateOverridePolicyAction } from "./actions";
import { PERCENT_KINDS } from "./schemas";

export const metadata: Metadata = { title: "Gates · Preflight" };

const LABELS: Record<CriterionKind, [string, string?]> = {
  band_allows_stage: [
    "The readiness band of the latest assessment allows the next stage (always on; an owner or admin can override it with a justification)",
  ],
  min_readiness_score: ["Minimum readiness score of the latest assessment", "/ 100"],
  min_days_in_stage: ["Minimum days in the stage", "days"],
  min_actions_observed: ["Minimum actions observed in the stage", "actions"],
  min_accuracy: ["Minimum accuracy", "%"],
  max_override_rate: ["Maximum human-override rate", "%"],
  max_incident_rate_per_1000: ["Maximum incidents per 1,000 actions", "per 1,000"],
  no_open_sev1_sev2: ["No open Sev1 or Sev2 incidents"],
  assumptions_resolved: ["Every assumption verified or accepted as a risk"],
  rollback_plan_recorded: ["Rollback plan recorded"],
  required_signoffs: ["Sign-offs required from"],
};

const DEFAULT_THRESHOLDS: Partial<Record<CriterionKind, number>> = {
  min_readiness_score: 50,
  min_days_in_stage: 7,
  min_actions_observed: 200,
  min_accuracy: 90,
  max_override_rate: 10,
  max_incident_rate_per_1000: 2,
};

function rowsFor(criteria: GateCriterion[]): CriterionRow[] {
  return CRITERION_KINDS.map((kind) => {
    const c = criteria.find((x) => x.kind === kind);
    const [label, unit] = LABELS[kind];
    if (kind === "required_signoffs") {
      const roles = c && "roles" in c ? c.roles : [];
      return {
        kind,
        label,
        enabled: Boolean(c),
        roles: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], checked: roles.includes(r) })),
      };
    }
    if (kind in DEFAULT_THRESHOLDS) {
      const stored = c && "threshold" in c ? c.threshold : undefined;
      const shown =
        stored === undefined
          ? DEFAULT_THRESHOLDS[kind]
          : PERCENT_KINDS.includes(kind)
            ? Math.round(stored * 10_000) / 100
            : stored;
      return { kind, label, unit, enabled: Boolean(c), value: shown };
    }
    return { kind, label, enabled: Boolean(c), fixed: kind === "band_allows_stage" };
  });
}

export default async function GatesPage({ params }: { params: Promise<{ org: string }> }) {
  const member = await requireMember((await params).org);
  const settings = await getGateSettings(member);
  const canManage = can(member, "gates:manage");
  return (
    <>
      <PageHeader
        title="Settings"
        description="What each stage must show before a pilot may leave it. Promotions are checked against these, live."
      />
      <SettingsTabs member={member} current="gates" />
      {canManage ? null : (
        <p className="mb-4 text-sm text-muted-foreground">
          Only admins and owners change gates; you can see what they require.
        </p>
      )}
      <Card className="mb-4" aria-labelledby="override-policy-heading">
        <h2 id="override-policy-heading" className="mb-3 text-base font-semibold">
          Overriding a gate
        </h2>
        <OverridePolicyForm
          action={updateOverridePolicyAction.bind(null, member.orgSlug)}
          version={settings.version}
          enabled={settings.overridesNeedSecondApprover}
          readOnly={!canManage}
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {GATED_STAGES.map((stage) => {
          const next = STAGES[stageIndex(stage) + 1] ?? "production";
          const title = `${STAGE_LABELS[stage]} → ${STAGE_LABELS[next]}`;
          const tuned = settings.tuned.includes(stage);
          return (
            <Card key={stage}>
              <CardHeader
                title={title}
                description={`To leave ${STAGE_LABELS[stage].toLowerCase()} for ${STAGE_LABELS[next].toLowerCase()}.`}
                action={tuned ? <Badge tone="info">Tuned</Badge> : <Badge>Defaults</Badge>}
              />
              <GateStageForm
                action={updateGateAction.bind(null, member.orgSlug)}
                stage={stage}
                title={title}
                version={settings.version}
                rows={rowsFor(settings.criteria[stage])}
                tuned={tuned}
                readOnly={!canManage}
              />
            </Card>
          );
        })}
      </div>
    </>
  );
}
