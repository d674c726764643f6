package bot

import (
	"context"
	"sort"
	"sync"
)

// dispatcher runs jobs (updates, and owed notices) Workers at a time,
// and the jobs of one chat one after the other, in the order they were
// submitted: a reply that waits out Telegram's flood control holds back
// the next reply to the same chat, never a reply to another chat, and a
// user never sees the answer to their second question above the answer
// to their first.
//
// It also knows which updates are not finished, so that a shutdown
// confirms to Telegram only updates that were handled (see
// Server.pollUpdates): the rest are sent again at the next start.
type dispatcher struct {
	workers chan struct{} // a token per running job
	// stop is done when no new job may start (the grace period is over):
	// queued jobs are then left unfinished.
	stop context.Context

	mu      sync.Mutex
	queues  map[int64][]job // per chat; present while a runner serves the chat
	pending int             // jobs queued or running
	space   *sync.Cond      // signalled when pending drops
	max     int             // most jobs pending before submit waits
	// unfinished counts the updates, by ID, submitted and not finished.
	unfinished map[int64]int
	idle       sync.WaitGroup // one per chat runner
}

// job is one unit of work of a chat.
type job struct {
	update int64 // the update's ID; 0 for work that is not an update
	run    func()
}

func newDispatcher(workers, maxPending int, stop context.Context) *dispatcher {
	d := &dispatcher{
		workers:    make(chan struct{}, workers),
		stop:       stop,
		queues:     map[int64][]job{},
		max:        max(maxPending, workers),
		unfinished: map[int64]int{},
	}
	d.space = sync.NewCond(&d.mu)
	return d
}

// submit queues j behind the chat's earlier jobs. It waits while max jobs
// are pending (back-pressure: polling takes no more updates from Telegram
// than the bot can soon handle) and returns false, queueing nothing, if
// ctx ends first.
func (d *dispatcher) submit(ctx context.Context, chat int64, j job) bool {
	stopWaiting := context.AfterFunc(ctx, func() {
		d.mu.Lock()
		d.space.Broadcast()
		d.mu.Unlock()
	})
	defer stopWaiting()
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.pending >= d.max {
		if ctx.Err() != nil {
			return false
		}
		d.space.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	d.pending++
	if j.update != 0 {
		d.unfinished[j.update]++
	}
	if q, running := d.queues[chat]; running {
		d.queues[chat] = append(q, j)
		return true
	}
	d.queues[chat] = nil
	d.idle.Add(1)
	go d.serve(chat, j)
	return true
}

// serve runs a chat's jobs until its queue is empty.
func (d *dispatcher) serve(chat int64, j job) {
	defer d.idle.Done()
	for {
		started := false
		select {
		case <-d.stop.Done():
		case d.workers <- struct{}{}:
			// A job whose worker came free as the grace period ended is
			// not started either.
			if d.stop.Err() == nil {
				started = true
				j.run()
			}
			<-d.workers
		}
		d.mu.Lock()
		d.pending--
		if started && j.update != 0 {
			if d.unfinished[j.update]--; d.unfinished[j.update] <= 0 {
				delete(d.unfinished, j.update)
			}
		}
		d.space.Broadcast()
		q := d.queues[chat]
		if len(q) == 0 {
			delete(d.queues, chat)
			d.mu.Unlock()
			return
		}
		j, d.queues[chat] = q[0], q[1:]
		d.mu.Unlock()
	}
}

// wait returns when every submitted job has finished or been given up.
func (d *dispatcher) wait() { d.idle.Wait() }

// oldestUnfinished is the smallest ID of an update submitted and not
// handled, and whether there is one.
func (d *dispatcher) oldestUnfinished() (int64, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.unfinished) == 0 {
		return 0, false
	}
	ids := make([]int64, 0, len(d.unfinished))
	for id := range d.unfinished {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, k int) bool { return ids[i] < ids[k] })
	return ids[0], true
}
