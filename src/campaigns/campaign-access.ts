import type { Actor } from '../auth/actor.js';
import { CITYWIDE_ROLES, requireRole } from '../auth/actor.js';
import type { Role } from '../lifecycle/lifecycle.js';
import { AppError, say } from '../errors.js';

/** Who records visits and forums: the offices that go to the front line and those that take items in. */
export const RECORDERS: Role[] = ['admin', 'acceptance', 'supervisor', 'leader', 'department'];
/** Who opens campaigns and records panels (the verification's roles). */
export const CAMPAIGN_OFFICE: Role[] = ['admin', 'supervisor'];
export const PANEL_RECORDERS: Role[] = ['admin', 'acceptance', 'supervisor'];
/** Who records plans and enforcement: the office, and department staff for their own campaigns. */
export const PLANNERS: Role[] = ['admin', 'supervisor', 'department'];

export const citywide = (a: Actor) => CITYWIDE_ROLES.includes(a.role);

/** Department staff act only on their own campaigns; others as their role allows. */
export function requireCampaignWrite(actor: Actor, campaignDepartmentId: number): void {
  requireRole(actor, PLANNERS);
  if (actor.role === 'department' && !actor.departmentScope.includes(campaignDepartmentId))
    throw new AppError(
      'forbidden',
      say('部门人员只能记录本部门专项行动的对象', "department staff record only their own campaigns' subjects"),
    );
}
