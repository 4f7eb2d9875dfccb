-- The W3C trace parent of the span that wrote a timer or an outbox row, so the work done later (a timer firing, a
-- delivery) continues the trace of the command that caused it. Nullable without a default: adding the columns rewrites
-- nothing, and rows written by an older node simply start a trace of their own.
alter table timers add column trace_parent text;
alter table outbox add column trace_parent text;
