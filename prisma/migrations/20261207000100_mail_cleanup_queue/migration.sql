-- The outbox's sent mail is removed after a while (issue 19.3, left from the job queue's first
-- version): a MailOutbox row holds the recipients and the whole text of a mail, personal data that
-- has no use once the mail is delivered (the audit log records what was sent, without text). A
-- daily job of this queue deletes what was sent more than 30 days ago (src/server/jobs/outbox.ts).
SELECT pgboss.create_queue('mail-cleanup', '{"policy":"standard","retryLimit":3,"retryDelay":300,"retryBackoff":true,"expireInSeconds":600,"retentionMinutes":10080}');
