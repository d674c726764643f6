// Package bot is reportbot's Telegram bot: it translates between chat and
// package answer (questions, search, sources, example questions) and
// package ingest (uploads, /reindex), and adds nothing to what a question
// means. It does not use package index: whatever a front end needs of
// the index is the answer engine's to offer, so that every front end
// behaves alike.
//
// Design:
//
//   - Transport. github.com/go-telegram/bot carries the Bot API: long
//     polling (Bot.Start) or webhook updates (our own http.Handler calls
//     Bot.ProcessUpdate), and the method calls. One default handler
//     (Server.handle) receives every update and dispatches on its kind;
//     the library's pattern handlers are not used, so that access control,
//     rate limiting and logging happen in one place for all kinds.
//
//   - Concurrency and shutdown. Handlers run synchronously on Workers
//     library workers (WithNotAsyncHandlers, WithWorkers), with an
//     unbuffered updates channel, so at most Workers updates are handled at
//     once and Bot.Start returns only when every worker has finished its
//     update. A handler ignores the library's context and runs on
//     Server.hard, which is cancelled Config.Grace after Run's context: on
//     SIGINT/SIGTERM polling stops at once, replies in flight get Grace to
//     finish, and Run returns nil. In webhook mode the update is
//     acknowledged (200) at once and handled in the background, Workers at
//     a time; shutdown stops the HTTP server and waits for those handlers.
//
//   - Reliability. The library never retries a call. retryTransport, given
//     to it with WithHTTPClient, buffers each request body and retries
//     network errors and 5xx with jittered exponential backoff, and 429
//     after Telegram's retry_after; attempts and the longest accepted wait
//     are bounded, after which the library gets the last answer and returns
//     it as an error. Each attempt has its own deadline (getUpdates one
//     longer than the long poll). The library's polling loop retries a
//     failed getUpdates itself, so polling survives a dropped connection.
//
//   - The token. The Bot API puts the token in every URL, and Go's HTTP
//     errors quote URLs. Every error logged or returned passes through
//     redactor, which replaces the token; the library's errors handler is
//     ours and redacts too. The token is read from the environment by
//     cmd/reportbot, never from the command line.
//
//   - Replies are Telegram HTML. All report text (sentence, title, metric,
//     region) is escaped; each line a renderer writes opens and closes its
//     own tags. splitHTML cuts a reply longer than 4096 UTF-16 units at the
//     last line break that fits, and only a single overlong line between
//     characters, closing and reopening tags around the cut, never inside a
//     tag or an entity. Buttons go under the last part.
//
//   - Buttons. Callback data is at most 64 bytes, so a result stays in a
//     session store (bounded LRU, expiring after 48 hours) and a button
//     carries "action:key:n" (the action* constants). Actions: m 更多结果
//     (answers 2.. of the engine's 10, with their sentences, paged), o 原文
//     (Engine.Paragraph of answer n), p 其他时期 (Engine.OtherPeriods), l
//     and s (pages of an answer list and of /search, by editing the
//     message), r (pages of /sources). A session answers only in the chat
//     it was made in. Our own keyboard type is sent, not models.InlineKeyboardMarkup,
//     whose buttons always carry an empty copy_text that Telegram rejects.
//
//   - Access. Allow-lists of user IDs and chat IDs, and admins (who are
//     allowed users and alone may upload and /reindex); New refuses a
//     config that names nobody unless Public. A stranger gets a refusal
//     with their numeric ID (and the group's) and nothing from the index,
//     for messages, buttons (an alert) and inline queries (one result).
//     Inline results are is_personal, so Telegram does not cache them
//     across users. Inline queries carry no chat: inline mode needs the
//     user in the user list.
//
//   - Groups. The bot answers commands (not those addressed to another
//     bot), messages that mention it (the mention is removed from the
//     question) and replies to its own messages; group replies quote the
//     question.
//
//   - Rate limit. A token bucket per user (RatePerMinute, Burst), looser for
//     inline queries, which Telegram sends per keystroke; the first refused
//     message is explained with the wait, the rest of a flood is dropped.
//     Admins are not limited. Buckets are forgotten once full, so the map
//     stays bounded.
//
//   - Reports. With ReportsDir, Config.Pipeline indexes the folder at
//     start and on /reindex (it skips unchanged files). An admin's upload
//     is downloaded (getFile, then <API>/file/bot<token>/<path>, at most
//     MaxUpload bytes), refused if a file of the same SHA-256 is indexed,
//     written aside and hard-linked under a sanitised name (never replacing
//     another file: name-2.ext), indexed, and answered with what was
//     learned (ingest.Report.Docs, and Engine.ExampleFor) or why it was
//     skipped (the file is then removed). Uploads and /reindex are
//     serialised by one mutex.
//
//   - Logs. log/slog, one line per update with user, chat, kind, outcome
//     and latency; question text only at debug level.
package bot
