package answer

import "fmt"

func ExampleAnswer_Headline() {
	a := Answer{Value: "31.9", Number: 31.9, Unit: "%", Kind: "growth", Metric: "工业投资", Region: "泰安市", Period: "2023年1-5月"}
	fmt.Println(a.Headline())
	r := Answer{Value: "2", Number: 2, Unit: "位", Kind: "rank", Metric: "工业投资", Region: "泰安市"}
	fmt.Println(r.Headline())
	d := Answer{Value: "3.5", Number: -3.5, Unit: "%", Kind: "growth", Metric: "工业用电量"}
	fmt.Println(d.Headline())
	q := Answer{Value: "500", Number: 500, Unit: "万元", Kind: "amount", Qualifier: "余", Metric: "节约用电成本", Modality: "forecast"}
	fmt.Println(q.Headline())
	// Output:
	// 31.9% · 工业投资 增速 · 泰安市 · 2023年1-5月
	// 第2位 · 工业投资 排名 · 泰安市
	// 下降3.5% · 工业用电量 增速
	// 500余万元 · 节约用电成本 · 预计
}
