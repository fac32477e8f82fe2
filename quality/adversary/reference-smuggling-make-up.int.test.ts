import { qualityCounty, CALLER_OPENIDS, SUBJECT, QUALITY_NOW } from '../support/quality-county';
import { attacker } from './support/attacker';
import { seededCloud } from './support/seeded-cloud';

/**
 * Reference smuggling: make-up materials (补学材料) the server does not re-check.
 *
 * Attacker: demo-secretary, saving a 主题党日 of their branch. Goal: attach as the make-up reading a material
 * that is not theirs to hand out: an unpublished draft of another subtree (its title then shows to members),
 * a material published only to another subtree, or an id that does not exist (a make-up nobody can finish).
 * Budget: 6 function calls, 60 s.
 * The attacker wins if any such event is saved, or a member's make-up view shows the draft's title.
 * The instant is the moment the suite runs (the functions read the wall clock until devcloud's test clock lands).
 */

jest.setTimeout(120_000);

// The suite's instant: the county is generated for it and devcloud's test clock is set to it.
const TODAY = QUALITY_NOW;
const county = qualityCounty();
const { studyMaterials, studyPlans } = county.collections;
const template = studyMaterials.find((m) => m._id === SUBJECT.materialId)!;
const otherCommittee = county.orgs.get(SUBJECT.otherCommitteeId)!;
const foreign = { orgId: otherCommittee._id, orgName: otherCommittee.name, orgPath: [...otherCommittee.ancestors, otherCommittee._id] };
studyMaterials.push({ ...template, ...foreign, _id: 'adv-mat-draft', title: '他辖区未发布草稿：内部讨论稿' });
studyMaterials.push({ ...template, ...foreign, _id: 'adv-mat-foreign', title: '他辖区已发布材料' });
const planTemplate = studyPlans.find((p) => p._id === SUBJECT.planId)!;
studyPlans.push({
  ...planTemplate,
  ...foreign,
  orgType: 'committee',
  _id: 'adv-plan-draft',
  status: 'draft',
  requiredMaterialIds: ['adv-mat-draft'],
  optionalMaterialIds: [],
  materialIds: ['adv-mat-draft'],
});
studyPlans.push({
  ...planTemplate,
  ...foreign,
  orgType: 'committee',
  _id: 'adv-plan-foreign',
  requiredMaterialIds: ['adv-mat-foreign'],
  optionalMaterialIds: [],
  materialIds: ['adv-mat-foreign'],
});

const at = (hours: number) => new Date(TODAY.getTime() + hours * 3_600_000).toISOString();

const env = seededCloud(county.collections);

describe('attack: smuggling make-up materials into a 主题党日', () => {
  it('refuses drafts, other subtrees’ materials and made-up ids with a typed error, and keeps its own', async () => {
    const secretary = attacker(env.qc, CALLER_OPENIDS.ownSecretary, { requests: 6, seconds: 60 });
    const wins: string[] = [];
    const codes: string[] = [];
    env.qc.markBaseline();
    for (const materialIds of [['adv-mat-draft'], ['adv-mat-foreign'], ['no-such-material'], [SUBJECT.materialId, 'adv-mat-draft']]) {
      const reply = await secretary.call('checkin', 'saveEvent', { place: '党员活动室', startsAt: at(24), endsAt: at(26), materialIds });
      if (reply.ok) {
        wins.push(materialIds.join('+'));
        // A member of the branch would see what was attached.
        const eventId = (reply.data as { event: { eventId: string } }).event.eventId;
        const view = await env.qc.call('checkin', 'makeUp', { eventId }, CALLER_OPENIDS.member);
        if (view.ok && JSON.stringify(view.data).includes('内部讨论稿')) wins.push(`member sees the draft's title on ${eventId}`);
      } else codes.push(reply.error.code);
      if (!reply.ok && env.qc.reset().length > 0) wins.push(`refused but wrote (${materialIds.join('+')})`);
      env.qc.reset();
    }
    console.log(`reference-smuggling-make-up: ${JSON.stringify({ wins, codes })}`);
    expect(wins).toEqual([]);
    expect(codes).toEqual(Array(4).fill('CHECKIN.MATERIAL_NOT_AVAILABLE'));

    // The branch's own published material is still accepted.
    const own = await secretary.call('checkin', 'saveEvent', {
      place: '党员活动室',
      startsAt: at(24),
      endsAt: at(26),
      materialIds: [SUBJECT.materialId],
    });
    expect(own.ok).toBe(true);
  });
});
