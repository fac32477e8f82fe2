import { useState } from 'react';
import type { AdminPlan, Me } from '@zbxx/contracts';
import { notifyChanged } from '../lib/data-changes';
import { toAppError, type AppError } from '../services/app-error';
import { studyService } from '../services/study';
import { useRequestIdFor } from './use-request-id';

/** How a material stands in the plan being edited: 必学 required, 选学 optional, or not in it. */
export type MaterialRole = 'required' | 'optional' | 'none';

const NEXT_ROLE: Record<MaterialRole, MaterialRole> = { none: 'required', required: 'optional', optional: 'none' };

interface PlanFields {
  planId?: string;
  orgId: string;
  month: string;
  theme: string;
  dueDate: string;
  required: string[];
  optional: string[];
}

function blank(me: Me): PlanFields {
  return { orgId: me.scope.adminOf[0]?.id ?? '', month: me.month, theme: '', dueDate: `${me.month}-25`, required: [], optional: [] };
}

/** 组织部 month plan form: new or loaded from a listed plan; a tap cycles a material 必学 → 选学 → 不选. */
export function usePlanForm(me: Me, onSaved: () => void) {
  const [fields, setFields] = useState<PlanFields>(() => blank(me));
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  // 重试 of the same plan after a network failure keeps its requestId, so the plan is created once.
  const request = useRequestIdFor();

  const roleOf = (materialId: string): MaterialRole =>
    fields.required.includes(materialId) ? 'required' : fields.optional.includes(materialId) ? 'optional' : 'none';

  return {
    fields,
    error,
    busy,
    editing: fields.planId !== undefined,
    roleOf,
    change: (patch: Partial<Omit<PlanFields, 'planId' | 'required' | 'optional'>>) => setFields((f) => ({ ...f, ...patch })),
    cycle: (materialId: string) =>
      setFields((f) => {
        const next = NEXT_ROLE[roleOf(materialId)];
        const without = (ids: string[]) => ids.filter((id) => id !== materialId);
        return {
          ...f,
          required: next === 'required' ? [...without(f.required), materialId] : without(f.required),
          optional: next === 'optional' ? [...without(f.optional), materialId] : without(f.optional),
        };
      }),
    load: (plan: AdminPlan) => {
      setError(null);
      setFields({
        planId: plan.planId,
        orgId: plan.org.id,
        month: plan.month,
        theme: plan.theme,
        dueDate: plan.dueDate,
        required: plan.requiredMaterialIds,
        optional: plan.optionalMaterialIds,
      });
    },
    reset: () => setFields(blank(me)),
    save: async (status: AdminPlan['status']) => {
      setBusy(true);
      setError(null);
      try {
        const { required, optional, ...rest } = fields;
        const input = { ...rest, requiredMaterialIds: required, optionalMaterialIds: optional, status };
        await studyService.savePlan(input, request.idFor(input));
        notifyChanged('studyPlans');
        request.settle();
        setFields(blank(me));
        onSaved();
      } catch (e) {
        setError(toAppError(e));
      } finally {
        setBusy(false);
      }
    },
  };
}
