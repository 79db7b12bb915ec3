import { defineFeature } from '../feature.js';
import { problemsFeature } from '../problems/problems.feature.js';
import { attachmentService } from './attachment.service.js';
import { attachmentRoutes } from './attachment.routes.js';
import { blobStore } from './blob-store.js';

export type AttachmentService = ReturnType<typeof attachmentService>;

/**
 * Photos and documents on items: type checked by content, kept under <dataDir>/attachments, in the
 * database or in an S3 bucket (QINGDAN_ATTACHMENTS).
 */
export const attachmentsFeature = defineFeature<AttachmentService>({
  name: 'attachments',
  install: (k) =>
    attachmentService(k.db, {
      dataDir: k.config.dataDir,
      store: blobStore(k.config, k.db),
      maxBytes: k.config.maxUploadBytes,
      clock: k.clock,
      problems: k.of(problemsFeature).problems,
    }),
  routes: (attachments) => attachmentRoutes(attachments),
});
