//! The Revenue page: the ARR bridge, cohort retention and the renewal forecast.

macro_rules! revenue_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            RevIntro => "ARR 从哪里来、到哪里去：期间内的 ARR 变动（新增、增购、缩减、流失），各年度客户的留存，以及未来 12 个月续约的预测。", "Where the ARR came from and where it is going: how ARR moved over a period (new, expansion, contraction, churn), how each year's customers retained, and what the coming year's renewals are likely to bring.";
            RevEmptyBook => "客户档案为空：导入客户或加载示例数据后，这里会显示收入变动和续约预测。", "The book is empty: import accounts or load the demo data to see revenue movement and the renewal forecast.";
            RevBridgeTitle => "ARR 变动（期初 → 期末）", "ARR bridge (start → end)";
            RevBridgeNote => "期初 = 期间开始前一天在册客户的 ARR；新增包含回流客户；增购/缩减为两天都在册客户的 ARR 变化；流失为期初在册、期末不在册客户的期初 ARR。期末 = 期初 + 新增 + 增购 − 缩减 − 流失。", "Start = the ARR of the accounts counted the day before the period; new includes returning accounts; expansion and contraction are changes of accounts counted on both days; churn is the start ARR of accounts counted at the start but not at the end. End = start + new + expansion − contraction − churn.";
            RevStart => "期初 ARR", "Start ARR";
            RevNew => "新增", "New";
            RevExpansion => "增购", "Expansion";
            RevContraction => "缩减", "Contraction";
            RevChurn => "流失", "Churn";
            RevEnd => "期末 ARR", "End ARR";
            RevBridgeChartTitle => "ARR 变动瀑布图", "ARR bridge";
            RevByMonth => "按月", "By month";
            RevByQuarter => "按季度", "By quarter";
            RevStepsChartTitle => "各期 ARR 变动（首尾相接）", "ARR movement per period (chained)";
            RevColAmount => "金额", "Amount";
            RevShowAccounts => "查看客户", "Show accounts";
            RevCohortTitle => "同期群留存", "Cohort retention";
            RevCohortNote => "按首个合同开始的年份（或季度）分组。第 k 个月 = 该组最后一天之后 k 个月；客户留存 = 当日仍在册的客户 ÷ 组内客户数；净收入留存 = 这些客户当日 ARR ÷ 组内首个合同 ARR 之和。空格表示截至基准日尚未到达该月份。", "Grouped by the year (or quarter) of the first term's start. Month k = k months after the cohort's last day; logo retention = accounts still counted that day ÷ cohort size; net revenue retention = their ARR that day ÷ the cohort's first-term ARR. An empty cell has not been reached as of the as-of date.";
            RevByYear => "按年", "By year";
            RevColCohort => "同期群", "Cohort";
            RevColFirstArr => "首期 ARR", "First-term ARR";
            RevNotReached => "尚未到达", "not reached yet";
            RevNoCohorts => "还没有已开始的合同。", "No contract has started yet.";
            RevForecastTitle => "续约预测（未来 12 个月）", "Renewal forecast (next 12 months)";
            RevForecastNote => "未来 12 个月内到期、尚无结果的合同，每份按续约概率计入：预期续约 ARR = Σ 概率 × ARR；10%–90% 区间按正态近似。", "Open terms ending in the next 12 months, each counted by its probability to renew: expected renewed ARR = Σ p × ARR; the 10–90% range by the normal approximation.";
            RevDueCount => "到期合同数", "Terms due";
            RevExpected => "预期续约 ARR", "Expected renewed ARR";
            RevForecastGrr => "预测金额续费率", "Forecast GRR";
            RevP10 => "悲观（10%）", "Low (10th percentile)";
            RevP90 => "乐观（90%）", "High (90th percentile)";
            RevForecastLogoChurn => "预测客户流失率", "Forecast logo churn";
            RevProbTitle => "续约概率", "Probability to renew";
            RevProbSource => "概率来源", "Probabilities from";
            RevProbHealth => "按健康度（可修改）", "Health band (editable)";
            RevProbHistory => "按历史活跃度分组的续约率", "History: renewal rate by activity band";
            RevProbHistoryNote => "活跃度分组样本不少于 10 个时使用该组的续约率，否则使用整体续约率。", "A band's renewal rate is used where it has at least 10 due terms, otherwise the book's logo renewal rate.";
            RevForecastChartTitle => "每月到期 ARR 与预期续约 ARR", "ARR due and expected to renew, per month";
            RevSeriesExpected => "预期续约", "Expected renewed";
            RevAtRiskTitle => "风险最大的续约（ARR ×（1 − 概率））", "Largest renewals at risk (ARR × (1 − p))";
            RevColEnd => "到期日", "Ends";
            RevColP => "续约概率", "p";
            RevColAtRisk => "风险金额", "At risk";
            RevNothingDue => "未来 12 个月没有待续约的合同。", "No open term ends in the next 12 months.";
        } { $($tpl)*
            RevMovementList { movement, n } => "{movement}：{n} 个客户", "{movement}: {n} accounts";
            RevColLogoK { k } => "{k} 个月客户留存", "Logo retention {k} mo";
            RevColNrrK { k } => "{k} 个月净收入留存", "NRR {k} mo";
        } }
    };
}
