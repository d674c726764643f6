package answer

import (
	"testing"
	"time"

	"github.com/reportbot/reportbot/corpus"
)

func TestFollowUp(t *testing.T) {
	g := corpus.DefaultGazetteer()
	at := time.Date(2023, 7, 10, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		prev, text, want string
		ok               bool
	}{
		{"泰安工业投资增速是多少?", "和济南比呢?", "泰安和济南工业投资增速对比", true},
		{"泰安工业投资增速是多少?", "跟济南、淄博对比", "泰安和济南和淄博工业投资增速对比", true},
		{"泰安工业投资增速是多少?", "这几年走势?", "泰安工业投资增速走势", true},
		{"泰安1-5月工业投资增速", "这几年走势呢", "泰安工业投资增速走势", true},
		{"泰安工业投资增速是多少?", "济南呢?", "济南工业投资增速是多少", true},
		{"泰安1-5月工业投资增速", "那济南呢", "济南1-5月工业投资增速", true},
		{"泰安工业投资增速走势", "济南呢", "济南工业投资增速走势", true},
		{"泰安1-5月工业投资增速", "2022年呢?", "2022年泰安工业投资增速", true},
		{"泰安和济南工业投资增速对比", "2022年的呢", "2022年泰安和济南工业投资增速对比", true},
		// New questions, and messages that are no follow-up.
		{"泰安工业投资增速是多少?", "济南规上工业增加值增速", "济南规上工业增加值增速", false},
		{"泰安工业投资增速是多少?", "你好", "你好", false},
		{"泰安工业投资增速是多少?", "谢谢", "谢谢", false},
		{"", "济南呢", "济南呢", false},
	} {
		got, ok := followUp(g, tt.prev, tt.text, at)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s → %s: %q %v, want %q %v", tt.prev, tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
