package formats

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names reported in RawFile.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encGB18030 = "gb18030"
	encBig5    = "big5"
)

// DecodedText is text decoded from bytes of an unknown encoding.
type DecodedText struct {
	Text     string
	Encoding string // utf-8, utf-16le, utf-16be, gb18030, big5
	Warnings []string
}

// decSampleSize bounds the bytes that are decoded more than once while
// guessing an encoding; only the winner decodes the whole file.
const decSampleSize = 256 << 10

// DecodeText decodes the bytes of a plain-text file to UTF-8.
//
// Order of decisions, strongest evidence first:
//  1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//  2. NUL bytes: UTF-16 without a BOM if one byte order decodes to sensible
//     text, otherwise the file is binary (ErrBinary), as are files with
//     many control bytes;
//  3. valid UTF-8;
//  4. mostly valid UTF-8 with a few damaged bytes: UTF-8 with U+FFFD;
//  5. GB18030 (a superset of GBK and GB2312) or Big5, whichever decodes
//     to more of the most common Chinese characters, if either is
//     plausible: both decode almost any byte pairs without error, so only
//     what the result looks like tells them apart;
//  6. otherwise UTF-8 with U+FFFD and a warning, rather than failing.
func DecodeText(data []byte) (DecodedText, error) {
	switch {
	case len(data) == 0:
		return DecodedText{Encoding: encUTF8}, nil
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return decUTF8(data[3:], "invalid UTF-8 after a UTF-8 byte-order mark: bad bytes replaced with U+FFFD"), nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && decBOMPlausible(data[2:], false):
		return decUTF16(data[2:], false, true), nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && decBOMPlausible(data[2:], true):
		return decUTF16(data[2:], true, true), nil
	}
	nul, ctrl := decByteStats(data)
	if nul > 0 {
		if d, ok := decGuessUTF16(data); ok {
			return d, nil
		}
		return DecodedText{}, fmt.Errorf("%w (%d NUL bytes)", ErrBinary, nul)
	}
	if ctrl > 0 && ctrl*100 > len(data) {
		return DecodedText{}, fmt.Errorf("%w (%d control bytes)", ErrBinary, ctrl)
	}
	if utf8.Valid(data) {
		return DecodedText{Text: string(data), Encoding: encUTF8}, nil
	}
	return decLegacy(data), nil
}

// decCtrl marks bytes that do not occur in text in any encoding we read:
// C0 controls other than tab, newlines, vertical tab, form feed and the
// DOS end-of-file mark, and DEL.
var decCtrl = func() (t [256]bool) {
	for b := 1; b < 0x20; b++ {
		t[b] = true
	}
	for _, b := range []byte{'\t', '\n', '\v', '\f', '\r', 0x1A} {
		t[b] = false
	}
	t[0x7F] = true
	return t
}()

func decByteStats(data []byte) (nul, ctrl int) {
	for _, b := range data {
		if b == 0 {
			nul++
		} else if decCtrl[b] {
			ctrl++
		}
	}
	return nul, ctrl
}

func decUTF8(data []byte, warning string) DecodedText {
	if utf8.Valid(data) {
		return DecodedText{Text: string(data), Encoding: encUTF8}
	}
	return DecodedText{
		Text:     strings.ToValidUTF8(string(data), "\uFFFD"),
		Encoding: encUTF8,
		Warnings: []string{warning},
	}
}

// decUTF16Score judges b as UTF-16: good counts printable ASCII and common
// Chinese characters, bad counts controls, NULs, broken surrogates and
// private-use characters that real text does not contain.
func decUTF16Score(b []byte, bigEndian bool) (good, bad, total int) {
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	for i := 0; i+1 < len(b); i += 2 {
		r := unit(i)
		total++
		if r >= 0xD800 && r < 0xDC00 && i+3 < len(b) {
			if lo := unit(i + 2); lo >= 0xDC00 && lo < 0xE000 {
				i += 2
				continue // a supplementary character: neither good nor bad
			}
		}
		switch {
		case r >= 0x20 && r < 0x7F, r == '\n', r == '\r', r == '\t', decIsCommon(r):
			good++
		case decBadRune(r), r >= 0xD800 && r < 0xE000:
			bad++
		}
	}
	return good, bad, total
}

func decUTF16Plausible(good, bad, total int) bool {
	return total > 0 && bad*100 <= total && good*2 >= total
}

// decGuessUTF16 tries both byte orders on a file with NUL bytes and no BOM.
// ASCII characters give NULs in one byte of each pair, but so do
// characters such as 一 (U+4E00), so the NUL positions alone do not tell
// the byte order: the decoded text does.
func decGuessUTF16(data []byte) (DecodedText, bool) {
	sample := data[:min(len(data), decSampleSize)&^1]
	gl, bl, tl := decUTF16Score(sample, false)
	gb, bb, tb := decUTF16Score(sample, true)
	okLE, okBE := decUTF16Plausible(gl, bl, tl), decUTF16Plausible(gb, bb, tb)
	switch {
	case okLE && (!okBE || gl >= gb):
		return decUTF16(data, false, false), true
	case okBE:
		return decUTF16(data, true, false), true
	}
	return DecodedText{}, false
}

func decUTF16(body []byte, bigEndian, bom bool) DecodedText {
	order, name := unicode.LittleEndian, encUTF16LE
	if bigEndian {
		order, name = unicode.BigEndian, encUTF16BE
	}
	dec := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
	d := DecodedText{Text: decTransform(dec, body, len(body)*3/2+16), Encoding: name}
	if bom {
		sample := body[:min(len(body), decSampleSize)&^1]
		if g, b, t := decUTF16Score(sample, bigEndian); !decUTF16Plausible(g, b, t) && t > 0 {
			d.Warnings = append(d.Warnings, fmt.Sprintf("file starts with a %s byte-order mark but does not look like %s text", name, name))
		}
	}
	if n := strings.Count(d.Text, "\uFFFD"); n > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d invalid %s sequences replaced with U+FFFD", n, name))
	}
	return d
}

// decBOMPlausible reports whether the text after a UTF-16 byte-order mark
// reads as UTF-16. Two bytes that look like a mark can start a damaged
// file of another encoding; then the mark is not believed.
func decBOMPlausible(body []byte, bigEndian bool) bool {
	sample := body[:min(len(body), decSampleSize)&^1]
	g, b, t := decUTF16Score(sample, bigEndian)
	return t == 0 || decUTF16Plausible(g, b, t)
}

// decTransform runs a decoder over src into one preallocated string, so a
// large file costs its decoded size once, not a chain of growing buffers.
func decTransform(t transform.Transformer, src []byte, sizeHint int) string {
	return decTransformTo(t, src, true, sizeHint)
}

// decTransformTo is decTransform for a prefix of a file when atEOF is
// false: an incomplete character at the end is dropped, not replaced.
func decTransformTo(t transform.Transformer, src []byte, atEOF bool, sizeHint int) string {
	var b strings.Builder
	b.Grow(sizeHint)
	var buf [16 << 10]byte
	t.Reset()
	for {
		nDst, nSrc, err := t.Transform(buf[:], src, atEOF)
		b.Write(buf[:nDst])
		src = src[nSrc:]
		if err != transform.ErrShortDst || (nDst == 0 && nSrc == 0) {
			break // done, or an incomplete tail (ErrShortSrc) when !atEOF
		}
	}
	return b.String()
}

type decCandidate struct {
	name string
	enc  encoding.Encoding
}

var decLegacyCandidates = []decCandidate{
	{encGB18030, simplifiedchinese.GB18030},
	{encBig5, traditionalchinese.Big5},
}

// decScore counts, in decoded text, Chinese characters, those of them
// that are common, and characters that signal a wrong decoding.
type decScore struct {
	cjk, common, bad, nonASCII int
}

func decScoreText(s string) decScore {
	var sc decScore
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		sc.nonASCII++
		switch {
		case decBadRune(r):
			sc.bad++
		case decIsCommon(r):
			sc.cjk++
			sc.common++
		case decIsHan(r):
			sc.cjk++
		}
	}
	return sc
}

// plausible: almost nothing undecodable (a real file may carry a stray
// user-defined GBK character or a damaged byte), and at least 40% of the
// Chinese characters among the most common ones; mis-decoded text scores
// far lower, real text 85% or more.
func (sc decScore) plausible() bool {
	if sc.bad > sc.cjk/500 {
		return false
	}
	if sc.cjk == 0 {
		return sc.nonASCII > 0 // full-width digits or punctuation only
	}
	return sc.common*5 >= sc.cjk*2
}

// better reports whether sc is a better decoding than o.
func (sc decScore) better(o decScore) bool {
	if sc.common != o.common {
		return sc.common > o.common
	}
	return sc.bad < o.bad
}

func decLegacy(data []byte) DecodedText {
	// Judge a sample that starts at the first non-ASCII byte: a long ASCII
	// preamble says nothing, and a legacy character cannot start earlier.
	start := 0
	for start < len(data) && data[start] < utf8.RuneSelf {
		start++
	}
	sample := data[start:min(len(data), start+decSampleSize)]
	atEOF := start+len(sample) == len(data)

	// A few bad bytes in otherwise valid UTF-8 (a truncated last character,
	// one pasted legacy word) mean a damaged UTF-8 file: GBK or Big5 text
	// is almost never valid UTF-8 for more than a character or two.
	if valid, invalid := decUTF8Stats(sample, atEOF); invalid*20 < valid {
		return decUTF8(data, "invalid UTF-8 bytes replaced with U+FFFD")
	}

	best, bestScore := -1, decScore{}
	for i, c := range decLegacyCandidates {
		sc := decScoreText(decTransformTo(c.enc.NewDecoder(), sample, atEOF, len(sample)*3/2+16))
		if sc.plausible() && (best < 0 || sc.better(bestScore)) {
			best, bestScore = i, sc
		}
	}
	if best < 0 {
		return decUTF8(data, "text is not valid UTF-8, GB18030 or Big5: bad bytes replaced with U+FFFD")
	}
	c := decLegacyCandidates[best]
	d := DecodedText{Text: decTransform(c.enc.NewDecoder(), data, len(data)*3/2+16), Encoding: c.name}
	bad := 0
	for _, r := range d.Text {
		if r >= utf8.RuneSelf && decBadRune(r) {
			bad++
		}
	}
	if bad > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%d characters could not be decoded as %s (replaced with U+FFFD or private-use)", bad, c.name))
	}
	return d
}

// decUTF8Stats counts valid multi-byte UTF-8 characters and invalid bytes.
// When atEOF is false a character cut at the end of b is not counted.
func decUTF8Stats(b []byte, atEOF bool) (valid, invalid int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !atEOF && len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				break
			}
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid, invalid
}

// decBadRune reports characters that a correct decoding of a Chinese
// report does not produce: the replacement character, C1 controls,
// private-use characters (GBK's user-defined area decodes there) and
// non-characters.
func decBadRune(r rune) bool {
	switch {
	case r == utf8.RuneError, r >= 0x80 && r < 0xA0, r >= 0xE000 && r < 0xF900,
		r == 0xFFFE, r == 0xFFFF, r >= 0xF0000:
		return true
	case r < 0x20:
		return r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v'
	}
	return false
}

func decIsHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}

const decCommonBase = 0x4E00

var decCommonSet = func() (set [(0xA000 - decCommonBase) / 64]uint64) {
	for _, r := range decCommonSimplified + decCommonTraditional {
		if i := r - decCommonBase; i >= 0 && int(i) < len(set)*64 {
			set[i/64] |= 1 << (i % 64)
		}
	}
	return set
}()

// decIsCommon reports whether r is one of the most frequent Chinese
// characters, in simplified or traditional form.
func decIsCommon(r rune) bool {
	i := r - decCommonBase
	return i >= 0 && int(i) < len(decCommonSet)*64 && decCommonSet[i/64]&(1<<(i%64)) != 0
}

// decCommonSimplified holds about 1200 of the most frequent characters of
// modern written Chinese, and decCommonTraditional the traditional forms
// of them that differ (standard, Taiwan and Hong Kong variants). Real text
// is 85-95% made of them; text decoded with the wrong legacy encoding is
// mostly made of rarer characters.
const decCommonSimplified = "" +
	"的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方" +
	"多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情" +
	"明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给" +
	"世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太" +
	"量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象" +
	"完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济" +
	"车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚" +
	"请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历" +
	"首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音" +
	"跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值" +
	"仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤" +
	"素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担" +
	"州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控" +
	"税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮" +
	"露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康" +
	"虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣" +
	"择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸" +
	"诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞" +
	"努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振" +
	"染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵硬麦蒋操耶阻订彩抽赞魔纷沿喊违妹浪汇币丰蓝殊献桌啦瓦莱援译夺汽"

const decCommonTraditional = "" +
	"這個們來爲國說時會對於過發後裏種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾" +
	"認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風幹聯組濟車親" +
	"極辦議證轉準遠臺單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談喫圖歷醫專費號盡較語僅隨選紅響雖勢" +
	"參衆構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕羣項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適" +
	"衛險陸習勞財環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協佔徵揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島託戶評" +
	"寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鍾詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆" +
	"鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂鎮練爺館礎寧紙諸訓莊絲戲隱訪軟薩夥盤擴蓋穩億擁楊齊賽牀虛購揚綠貿畢輪庫跡競棄偉緩潛" +
	"閃燈針絡純頁傑築鄭貝吳圓殘誠寬擺毀趙麥蔣訂贊紛違匯幣豐藍獻萊譯奪為裡眾説衞"
