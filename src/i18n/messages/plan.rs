//! The hiring plan on the Capacity page: monthly plan, fiscal totals, budget coverage and its export.

macro_rules! plan_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            PlanTitle => "招聘计划", "Hiring plan";
            PlanIntro => "按自然月、按整人数排出的招聘计划：每月月初在岗人数、离职、新人到岗、需开放的职位、所需人数与缺口、成本。离职按“过半即算一人”计整数。", "The plan in calendar months and whole people: people at the start of each month, leavers, hires starting, positions to open, the headcount required, the gap and the cost. Attrition is counted in whole people (half a person expected to leave counts as one).";
            PlanHires => "计划招聘人数", "Hires planned";
            PlanBackfill => "其中补员", "of which backfill";
            PlanGrowth => "其中新增编制", "of which growth";
            PlanLeavers => "预计离职人数", "Leavers expected";
            PlanHeadcountEnd => "期末在岗人数", "People at the end";
            PlanRequiredEnd => "期末所需人数", "Required at the end";
            PlanCost => "期内成本", "Cost over the horizon";
            PlanFirstOpen => "最早开放职位的月份", "First position opens";
            PlanAffordableEnd => "预算可负担人数（期末）", "Affordable headcount (end)";
            PlanFiscalStart => "财年起始月", "Fiscal year starts in";
            PlanRecruitingCost => "每名新人的招聘成本", "Recruiting cost per hire";
            PlanManagers => "计入经理（管理幅度）", "Include managers (span of control)";
            PlanSpan => "每位经理管理人数", "CSMs per manager";
            PlanManagerCost => "经理年综合成本", "Manager loaded cost a year";
            PlanBudgetMode => "预算约束", "Budget";
            PlanBudgetOff => "不设预算", "No budget";
            PlanBudgetAnnual => "年度预算金额", "Annual budget";
            PlanBudgetShare => "不超过 ARR 的比例", "Cap as a share of ARR";
            PlanBudgetAmount => "年度客户成功预算", "Annual CS budget";
            PlanBudgetShareOfArr => "成本上限（占 ARR）", "Cost cap (share of ARR)";
            PlanTableCaption => "按月招聘计划（整人数）", "Monthly hiring plan (whole people)";
            PlanColPeople => "月初在岗", "People at start";
            PlanColLeavers => "离职", "Leavers";
            PlanColHires => "新人到岗", "Hires starting";
            PlanColOpen => "开放职位", "Positions to open";
            PlanColRequired => "所需人数", "Required";
            PlanColGap => "缺口", "Gap";
            PlanColManagers => "经理", "Managers";
            PlanColAffordable => "预算可负担", "Affordable";
            PlanColCost => "成本", "Cost";
            PlanColPeopleEnd => "期末在岗", "People at end";
            PlanQuarters => "按财季汇总", "Totals per fiscal quarter";
            PlanYears => "按财年汇总", "Totals per fiscal year";
            PlanPartial => "不完整", "partial";
            PlanPeriodsNote => "财年以结束时所在的自然年命名（例如 4 月起始时，2026-04 至 2027-03 为 FY2027）。汇总包含本月（第 0 个月）。", "A fiscal year is named by the calendar year it ends in (with an April start, 2026-04 to 2027-03 is FY2027). Totals include the current month (month 0).";
            PlanCoverageCaption => "预算能覆盖的服务（按层级顺序，战略客户优先）", "What the budget covers (tiers in order, strategic first)";
            PlanColNeed => "所需 FTE", "FTE needed";
            PlanColCovered => "可覆盖 FTE", "FTE covered";
            PlanColShare => "覆盖比例", "Covered";
            PlanColUncoveredArr => "未覆盖的 ARR", "ARR not covered";
            PlanExportCsv => "导出计划 CSV", "Export plan (CSV)";
            PlanExportXlsx => "导出计划 Excel", "Export plan (.xlsx)";
            PlanSheetMonths => "按月计划", "Monthly plan";
            PlanSheetPeriods => "季度与年度汇总", "Quarters and years";
            PlanSheetAssumptions => "假设", "Assumptions";
            PlanColAssumption => "假设", "Assumption";
            PlanColValue => "取值", "Value";
        } { $($tpl)*
            PlanBackfillNote { leavers, backfill, growth } => "期内预计离职 {leavers} 人：计划招聘中 {backfill} 人用于补员，{growth} 人为新增编制。", "{leavers} people are expected to leave over the horizon: {backfill} of the hires backfill them, {growth} are growth.";
            PlanMonthN { m } => "{m} 月", "Month {m}";
            PlanUncovered { arr } => "预算之外未被覆盖的 ARR 合计：{arr}", "ARR left under-covered by the budget: {arr}";
        } }
    };
}
