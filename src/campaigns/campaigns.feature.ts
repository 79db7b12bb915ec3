import { defineFeature } from '../feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { referenceFeature } from '../reference/reference.feature.js';
import { supervisionFeature } from '../supervision/supervision.feature.js';
import { CAMPAIGN_CHAIN } from './campaign-audit.js';
import { registerCampaignCommands } from './campaign-commands.js';
import { seedCampaignsDemo } from './demo/campaign-demo.js';
import { createCampaignRuntime, type CampaignRuntime } from './campaign-runtime.js';
import { campaignRoutes } from './campaign.routes.js';
import { campaignImports } from './campaign-import.service.js';
import { campaignSheetRoutes } from './campaign-sheet.routes.js';
import { campaignService } from './campaign.service.js';
import { enforcementService } from './enforcement.service.js';
import { forumService } from './forum.service.js';
import { panelService } from './panel.service.js';
import { planService } from './plan.service.js';
import { programmeRoutes } from './programme.routes.js';
import { programmeService } from './programme.service.js';
import { recordRoutes } from './record.routes.js';
import { subjectService } from './subject.service.js';
import { visitService } from './visit.service.js';

export interface CampaignsState {
  rt: CampaignRuntime;
  subjects: ReturnType<typeof subjectService>;
  visits: ReturnType<typeof visitService>;
  forums: ReturnType<typeof forumService>;
  campaigns: ReturnType<typeof campaignService>;
  plans: ReturnType<typeof planService>;
  enforcement: ReturnType<typeof enforcementService>;
  panels: ReturnType<typeof panelService>;
  programmes: ReturnType<typeof programmeService>;
  imports: ReturnType<typeof campaignImports>;
}

/**
 * The campaign's instruments (docs/campaigns.md): field-research visits and forums whose findings
 * are items of the list, subjects, one plan per subject (一企一策) under supervision, enforcement,
 * residents' acceptance panels and programmes.
 */
export const campaignsFeature = defineFeature<CampaignsState>({
  name: 'campaigns',
  install: (k) => {
    const rt = createCampaignRuntime(k, {
      problems: k.of(problemsFeature),
      supervision: k.of(supervisionFeature),
      referenceNames: k.of(referenceFeature).names,
    });
    const visits = visitService(rt);
    const forums = forumService(rt);
    const plans = planService(rt);
    return {
      rt,
      subjects: subjectService(rt),
      visits,
      forums,
      campaigns: campaignService(rt),
      plans,
      enforcement: enforcementService(rt),
      panels: panelService(rt),
      programmes: programmeService(rt),
      imports: campaignImports({ rt, visits, forums, plans }),
    };
  },
  routes: (s, k) => async (app) => {
    await app.register(recordRoutes(s));
    await app.register(campaignRoutes(s));
    await app.register(programmeRoutes(s));
    await app.register(campaignSheetRoutes(s, k.config));
  },
  cli: registerCampaignCommands,
  demo: (s, k, demo) => seedCampaignsDemo(s, k, demo),
  auditChains: () => [CAMPAIGN_CHAIN],
});
