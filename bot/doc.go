// Package bot is reportbot's Telegram bot: it translates between chat and
// package answer (questions, search, sources, example questions) and
// package ingest (uploads, /reindex), and adds nothing to what a question
// means. It does not use package index: whatever a front end needs of
// the index is the answer engine's to offer, so that every front end
// behaves alike.
//
// Design:
//
//   - Transport. github.com/go-telegram/bot makes the method calls. Updates
//     come from our own long-polling loop (poll.go) or our webhook handler:
//     the library decodes a whole getUpdates answer at once, so one update
//     it cannot decode failed every poll, forever. Ours splits the result
//     into its elements and decodes each alone; one that does not decode
//     is logged and skipped, and the offset moves past it. getMe is our
//     own call too: models.User misspells supports_inline_queries.
//
//   - Concurrency and shutdown. A dispatcher (dispatch.go) runs updates
//     Workers at a time and each chat's one after the other, in order, so
//     replies to a chat keep the order of its questions even while one of
//     them waits out a retry. At most maxPending updates wait; polling
//     takes no more meanwhile. A handler runs on Server.hard, which is
//     cancelled Config.Grace after Run's context: on SIGINT/SIGTERM polling
//     stops at once, updates being handled or queued get Grace to finish,
//     and a last getUpdates confirms to Telegram exactly the updates below
//     the oldest one not handled, so a restart neither loses nor repeats
//     them. In webhook mode the update is acknowledged (200) once queued,
//     and an update that does not decode is acknowledged and skipped.
//
//   - Reliability. The library never retries a call. retryTransport, given
//     to it with WithHTTPClient, buffers each request body and retries
//     network errors and 5xx with jittered exponential backoff for up to
//     two minutes, and waits out a 429's retry_after up to three minutes.
//     A reply that still fails is replaced by a short notice that it was
//     lost and when to ask again; if Telegram is down and the notice fails
//     too, it is owed and sent, in its chat's order, once getUpdates
//     answers again (deliver.go). Time in all of this comes from an
//     injectable clock and sleeper, so tests cover minutes of outage.
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
//   - Replies fit a phone (render.go, with answer/phone.go): headline,
//     the sentence quoted without pinyin debris, cut around its figure,
//     which is verbatim and bold, and the source on one short line (site
//     or title · date · paragraph). /search hits are cut around the words
//     searched, marked in bold. A question is echoed at most 20
//     characters long.
//
//   - Buttons. Callback data is at most 64 bytes, so a result stays in a
//     session store (bounded LRU, expiring after 48 hours) and a button
//     carries "action:key:n" (the action* constants). Actions: m 更多结果
//     (answers 2.. of the engine's 10, with their sentences, paged), o 原文
//     (Engine.Paragraph of answer n), p 其他时期 (Engine.OtherPeriods, looked
//     up with the answer: the button is there only when there are some),
//     f 👍/👎 (kept in feedback.jsonl, see ReadFeedback), l and s (pages
//     of an answer list and of /search, by editing the message), r (pages
//     of /sources), e (an example question of /start and /help: e:text),
//     a (access requests and decisions: a:req, a:ok:ID, a:no:ID). 转发 is
//     a switch_inline_query button, shown only when inline mode is on. A
//     session answers only in the chat it was made in. Our own keyboard
//     type is sent, not models.InlineKeyboardMarkup, whose buttons always
//     carry an empty copy_text that Telegram rejects.
//
//   - Access. Allow-lists of user IDs and chat IDs, and admins (who are
//     allowed users and alone may upload, /reindex, and change who may
//     use the bot); New refuses a config that names nobody unless Public.
//     A stranger gets a refusal with their numeric ID (and the group's),
//     a 申请使用 button that sends the admins a request to approve or
//     refuse, and nothing from the index, for messages, buttons (an alert)
//     and inline queries (one result). Admins change the lists at run time
//     (/allow, /revoke, /users, approvals); the changes are kept in
//     telegram-access.json in Config.StateDir (the index's folder by
//     default). Inline results are is_personal, so Telegram does not cache
//     them across users. Inline queries carry no chat: inline mode needs
//     the user in the user list.
//
//   - Groups. The bot answers commands (not those addressed to another
//     bot), messages that mention it (the mention is removed from the
//     question) and replies to its own messages; group replies quote the
//     question. Brought into a group by someone not allowed (a
//     my_chat_member update), or spoken to there by a stranger before any
//     allowed user used it there, it leaves the group and tells the admins
//     its ID, rather than post refusals there.
//
//   - Rate limit. A token bucket per user: Burst questions in a row
//     (default 10, what a meeting needs), then RatePerMinute. Only typed
//     questions and /search count, and strangers' messages; commands and
//     buttons do not. Inline queries, which Telegram sends per keystroke,
//     have a looser bucket of their own. A limited question is answered
//     with the wait once per window (until the next question is allowed);
//     the rest of that window gets nothing, as that answer says. Admins are
//     not limited. Buckets are forgotten once full, so the map stays
//     bounded.
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
