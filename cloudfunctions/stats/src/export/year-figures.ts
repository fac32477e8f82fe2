import { addToTotals, emptyTotals, PARTY_DAY_DONE, ratesOf, type AttendanceState, type MemberMonthStatus } from '@zbxx/domain';
import type { EventSheetRow, YearFigures } from '@zbxx/server/src/xlsx/stats-workbook';

/**
 * Totals the 年度数据 figures while the member and event sheets stream past, so no sheet is read twice and no
 * member list is kept (only the ids of members seen, a few hundred KB for a county).
 */
export class YearFiguresTally {
  private readonly members = new Set<string>();
  private readonly reachedByPartyDay = new Set<string>();
  private readonly quizParticipants = new Set<string>();
  private readonly materials = new Set<string>();
  private totals = emptyTotals();
  private studyPersonTimes = 0;
  private partyDaysHeld = 0;
  private partyDayPersonTimes = 0;
  private madeUpPersonTimes = 0;

  addMemberMonth(memberId: string, status: MemberMonthStatus): void {
    this.members.add(memberId);
    this.totals = addToTotals(this.totals, status);
    this.studyPersonTimes += status.study.done;
    if (status.partyDay.status !== 'notRequired' && PARTY_DAY_DONE.includes(status.partyDay.status as AttendanceState))
      this.reachedByPartyDay.add(memberId);
    if (status.quiz.score !== null) this.quizParticipants.add(memberId);
  }

  /** Only held events count, in times and person-times alike (口径: `partyDayHeld`). */
  addEvent(row: EventSheetRow, held: boolean): void {
    if (!held) return;
    this.partyDaysHeld += 1;
    this.partyDayPersonTimes += row.present + row.late;
    this.madeUpPersonTimes += row.madeUp;
  }

  addRequiredMaterials(materialIds: readonly string[]): void {
    for (const id of materialIds) this.materials.add(id);
  }

  figures(range: { nodeName: string; fromMonth: string; toMonth: string }): YearFigures {
    const rates = ratesOf(this.totals);
    return {
      ...range,
      members: this.members.size,
      partyDaysHeld: this.partyDaysHeld,
      partyDayPersonTimes: this.partyDayPersonTimes,
      madeUpPersonTimes: this.madeUpPersonTimes,
      membersReachedByPartyDay: this.reachedByPartyDay.size,
      materialsPublished: this.materials.size,
      studyPersonTimes: this.studyPersonTimes,
      quizParticipants: this.quizParticipants.size,
      quizPersonTimes: this.totals.quizTaken,
      quizAverageScore: rates.quizAverageScore,
      quizPassRate: rates.quizPass,
    };
  }
}
