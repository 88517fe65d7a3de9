"""Human handoff: the queue, the conversation states (bot → waiting → held → returned / closed),
the counselor actions as audited service functions (``service``), the live event log
(``events``) and the bot side that enters the queue, keeps the bot silent while a person holds
the conversation and delivers the counselor's messages (``bot_side``). See docs/handoff.md."""
