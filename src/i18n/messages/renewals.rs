//! The Renewals page: renewal metrics, the calendar, overdue and upcoming lists, activity.

macro_rules! renewals_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            RenIntro => "到期合同在统计期间内、且截至基准日已有结果（续约、流失或逾期超过宽限期）的，计入到期基数。", "A term counts in the due base when its end is in the period and, as of the as-of date, it is decided: renewed, churned, or lapsed past the grace period.";
            RenEmptyBook => "客户档案为空：导入客户或加载示例数据后，这里会显示续约指标。", "The book is empty: import accounts or load the demo data to see renewal figures.";
            RenPeriodLabel => "统计期间", "Period";
            RenPeriodLast12 => "最近 12 个月", "Last 12 months";
            RenPeriodThisQuarter => "本季度（截至基准日）", "This quarter (to date)";
            RenPeriodLastQuarter => "上季度", "Last quarter";
            RenPeriodMonth => "指定月份", "A month";
            RenPeriodBadMonth => "月份格式应为 YYYY-MM，例如 2025-03。", "Write the month as YYYY-MM, e.g. 2025-03.";
            RenDueCount => "到期客户数", "Due terms";
            RenDueArr => "到期金额", "Due ARR";
            RenPendingCount => "待定（宽限期内）", "Pending (within grace)";
            RenPendingHelp => "已过到期日但仍在宽限期内的合同不计入到期基数。", "Terms past their end but within the grace period are not in the due base.";
            RenMetricsTitle => "续约指标", "Renewal metrics";
            RenColMetric => "指标", "Metric";
            RenColValue => "数值", "Value";
            RenColDefinition => "口径", "Definition";
            RenOntimeRate => "当月续约率", "On-time renewal rate";
            RenEarlyRate => "提前续约率", "Early renewal rate";
            RenGrr => "金额续费率 (GRR)", "Gross dollar renewal (GRR)";
            RenNrr => "净续费率 (NRR)", "Net dollar renewal (NRR)";
            RenChurnRate => "流失率", "Logo churn rate";
            RenLogoRateDef => "续约数 ÷ 到期数", "renewed ÷ due";
            RenOntimeRateDef => "在到期当月月底前续约的数量 ÷ 到期数", "renewed by the last day of the end's month ÷ due";
            RenEarlyRateDef => "在到期月份之前续约的数量 ÷ 到期数", "renewed before the end's month ÷ due";
            RenGrrDef => "Σ 续约合同的 min（续约后 ARR，原 ARR）÷ 到期金额", "Σ over renewed of min(next ARR, ARR) ÷ due ARR";
            RenNrrDef => "Σ 续约合同的续约后 ARR ÷ 到期金额", "Σ over renewed of next ARR ÷ due ARR";
            RenChurnRateDef => "（到期数 − 续约数）÷ 到期数", "(due − renewed) ÷ due";
            RenNoDue => "此期间没有已有结果的到期合同，比率不计算。", "No decided term is due in this period, so no rate is computed.";
            RenMonthlyTitle => "按到期月份的续约率与金额续费率", "Logo and dollar renewal by month of end date";
            RenMonthX => "到期月份", "Month of end date";
            RenRateY => "比率 (%)", "Rate (%)";
            RenSeriesLogo => "续约率", "Logo renewal";
            RenMonthlyEmpty => "此期间没有已有结果的到期合同。", "No decided term is due in this period.";
            RenCalendarTitle => "续约日历（未来 12 个月）", "Renewal calendar (next 12 months)";
            RenCalendarHelp => "基准日所在月之后 12 个月内到期、尚无结果的合同，按客户健康度拆分。", "Open terms ending in each of the 12 months after the as-of date's month, split by the account's health.";
            RenColTerms => "合同数", "Terms";
            RenColArrDue => "到期金额", "ARR due";
            RenColAtRisk => "风险金额（红 + 黄）", "ARR at risk (red + yellow)";
            RenCalendarChartTitle => "未来 12 个月到期金额（按健康度）", "ARR ending in the next 12 months, by health";
            RenArrY => "到期金额", "ARR";
            RenCalendarEmpty => "未来 12 个月没有到期的未决合同。", "No open term ends in the next 12 months.";
            RenOverdueTitle => "逾期未续（宽限期内）", "Overdue (within grace)";
            RenUpcomingTitle => "即将到期（续费期窗口内）", "Upcoming (within the renewal window)";
            RenColEnd => "到期日", "End date";
            RenColDaysToEnd => "距到期（天）", "Days to end";
            RenListEmpty => "没有。", "None.";
            RenActivityTitle => "活跃度与续约", "Activity and renewal";
            RenActivityHelp => "到期基数中有活跃率的合同：各活跃率区间的续约率，以及活跃率与是否续约的点二列相关系数 r。", "The due terms whose account has an activity figure: the renewal rate per activity band, and the point-biserial correlation r between activity and renewing.";
            RenColActivityBand => "活跃率区间", "Activity band";
            RenColRenewed => "已续约", "Renewed";
            RenCorrN => "样本数 n", "n (terms with activity)";
            RenCorrR => "相关系数 r", "Correlation r";
            RenCorrInterval => "95% 置信区间", "95% interval";
            RenCorrNoR => "样本少于 4 个，或续约与否、活跃率其中一方没有差异，不计算 r。", "No r: fewer than 4 terms, or no variation in activity or in the outcome.";
            RenSmallSample => "样本少于 30 个，结果很不稳定，请谨慎解读。", "Fewer than 30 terms: the result is unstable; read it with care.";
            RenActivityToday => "注意：活跃率是客户当前的数值，而不是续约决定之前的数值。", "Note: activity is the account's value today, not its value before the renewal decision.";
            RenNotCausation => "相关不等于因果：活跃度高的客户续约更多，并不说明提高活跃度就一定能提高续约。", "Correlation is not causation: that more active accounts renew more often does not show that raising activity raises renewal.";
            RenActivityChartTitle => "各活跃率区间的续约率", "Renewal rate by activity band";
            RenActivityEmpty => "没有带活跃率的已决到期合同。", "No decided due term has an activity figure.";
        } { $($tpl)*
        } }
    };
}
