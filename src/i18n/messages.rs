//! The message table: each key with its zh-CN and en text, side by side.
//!
//! Add a line here to add a string; the compiler rejects a line without both languages.

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// (zh-CN, en)
            pub fn texts(self) -> (&'static str, &'static str) {
                match self { $(Msg::$key => ($zh, $en)),* }
            }
        }
    };
}

impl Msg {
    /// Keys whose Chinese text is legitimately Latin (language names shown in their own script).
    pub fn zh_may_be_latin(self) -> bool {
        matches!(self, Msg::LangEn)
    }
    /// Keys whose English text is legitimately Chinese.
    pub fn en_may_be_cjk(self) -> bool {
        matches!(self, Msg::LangZh)
    }
}

messages! {
    AppName => "CS Planner 客户成功规划", "CS Planner";
    AppTagline => "客户分层 · 续约 · 人力配置", "Segments · renewals · CSM capacity";
    LangZh => "中文", "中文";
    LangEn => "English", "English";
    LanguageLabel => "语言", "Language";
    AsOfLabel => "基准日期", "As of";
    AsOfFromUrl => "来自链接参数 ?asof=", "set by the link's ?asof=";
    AsOfBadUrl => "链接中的 ?asof= 不是 YYYY-MM-DD 格式的日期，已忽略：", "The link's ?asof= is not a date written YYYY-MM-DD, so it is ignored:";
    CurrencyLabel => "货币", "Currency";
    MainNav => "主导航", "Main navigation";
    MenuToggle => "菜单", "Menu";

    NavBook => "客户档案", "Book";
    NavSegments => "客户分层", "Segments";
    NavLifecycle => "生命周期", "Lifecycle";
    NavRenewals => "续约", "Renewals";
    NavCapacity => "人力配置", "Capacity";
    NavTeam => "团队与绩效", "Team";
    NavBoard => "工作看板", "Board";
    NavSettings => "设置", "Settings";

    SoonBook => "这里将列出全部客户及其合同，可排序、筛选、新增和编辑。", "This page will list every account with its contracts, to sort, filter, add and edit.";
    SoonSegments => "这里将按 ARR 分层、行业和价值 × 匹配度四象限展示客户，并给出健康度分布。", "This page will show accounts by ARR tier, industry and the value × fit quadrant, with the health distribution.";
    SoonLifecycle => "这里将展示各生命周期阶段的客户分布和上线漏斗。", "This page will show accounts per lifecycle stage and the go-live funnel.";
    SoonRenewals => "这里将展示续约率、金额续费率、续约日历以及活跃度与续约的关系。", "This page will show renewal rates, dollar renewal, the renewal calendar and the activity–renewal link.";
    SoonCapacity => "这里将计算需要多少位客户成功经理、何时招聘、成本多少，并支持假设推演和方案对比。", "This page will compute how many CSMs you need, when to hire and what it costs, with live what-if and scenarios.";
    SoonTeam => "这里将展示团队名单、每位经理的客户负载、KPI 记分卡和续约提成。", "This page will show the roster, each CSM's book and load, the KPI scorecard and renewal commission.";
    SoonBoard => "这里将展示分层 × 阶段矩阵和今天应优先处理的客户。", "This page will show the tier × stage matrix and today's priority list.";

    SettingsTitle => "设置", "Settings";
    SettingsAsOfHelp => "所有与日期有关的指标都按这一天计算。留空表示今天。", "Every date-dependent figure is computed as of this date. Leave empty for today.";
    SettingsCurrencyHelp => "只改变显示的符号，不做汇率换算。", "Changes the symbol shown; no conversion.";
    SettingsToday => "使用今天", "Use today";
    SettingsInvalidDate => "日期格式应为 YYYY-MM-DD，例如 2025-03-31。", "Write the date as YYYY-MM-DD, e.g. 2025-03-31.";

    BookAccounts => "客户数", "Accounts";
    BookActive => "活跃客户", "Active accounts";
    BookArr => "活跃 ARR", "Active ARR";

    ChartTierShareTitle => "各层级客户数占比与 ARR 占比", "Share of accounts and of ARR by tier";
    ChartTierShareX => "层级", "Tier";
    ChartTierShareY => "占比 (%)", "Share (%)";
    ChartSeriesAccounts => "客户数占比", "Share of accounts";
    ChartSeriesArr => "ARR 占比", "Share of ARR";
    ChartEmpty => "暂无数据：添加客户后这里会显示图表。", "No data yet: the chart appears once the book has accounts.";
    DownloadSvg => "下载 SVG", "Download SVG";
    DownloadPng => "下载 PNG", "Download PNG";

    TierStrategic => "战略客户", "Strategic";
    TierKey => "重点客户", "Key";
    TierGrowth => "成长客户", "Growth";
    TierLongTail => "长尾客户", "Long tail";

    // — lifecycle (issue 6) —
    LcIntro => "按基准日期查看客户所处的生命周期阶段，以及按首个合同开始时间分组的上线漏斗。", "Where each account is in its life as of the as-of date, and the go-live funnel of the accounts that started in a window.";
    LcEmptyBook => "客户档案为空：导入客户或加载示例数据后，这里会显示各阶段的分布和漏斗。", "The book is empty: import accounts or load the demo data to see stages and the funnel.";
    LcStagesTitle => "阶段分布", "Accounts by stage";
    LcStageKickoff => "启动期", "Kickoff";
    LcStageLaunch => "上线初期", "Launch";
    LcStageAdoption => "使用期", "Adoption";
    LcStageRenewal => "续费期", "Renewal";
    LcStageMaintenance => "维护期", "Maintenance";
    LcStageOverdue => "逾期未续", "Overdue";
    LcStageChurned => "流失", "Churned";
    LcColStage => "阶段", "Stage";
    LcColAccounts => "客户数", "Accounts";
    LcColArr => "金额 (ARR)", "ARR";
    LcColShareAccounts => "客户占比", "% of accounts";
    LcColShareArr => "ARR 占比", "% of ARR";
    LcTotal => "合计", "Total";
    LcStagesNote => "流失客户按其流失合同的 ARR 计入。", "Churned accounts count at the ARR of their churned term.";
    LcStageChartTitle => "各阶段客户数与 ARR 占比", "Share of accounts and of ARR by stage";
    LcMatrixTitle => "阶段 × 分层", "Stage × tier";
    LcMatrixHelp => "每格：客户数，下方为 ARR。", "Each cell: accounts, with their ARR below.";
    LcFunnelTitle => "上线漏斗", "Cohort funnel";
    LcFunnelHelp => "首个合同在时间窗内开始的客户，每一步只保留上一步中的客户。", "Accounts whose first term started in the window; each step keeps only the accounts of the step before.";
    LcFunnelWindow => "分组时间窗", "Cohort window";
    LcFunnelDefaultNote => "默认：基准日前 18 个月至前 6 个月。", "Default: from 18 months to 6 months before the as-of date.";
    LcFunnelCustomNote => "自定义时间窗（已保存在设置中）。", "A custom window (saved in the settings).";
    LcStepStarted => "开始合同", "Started";
    LcStepLive => "已上线", "Went live";
    LcStepPastLaunch => "度过上线初期", "Past launch";
    LcStepDecided => "首期续约已有结果", "First renewal decided";
    LcStepRenewed => "首期已续约", "Renewed";
    LcColStep => "步骤", "Step";
    LcColOfPrevious => "占上一步", "% of previous";
    LcColOfStart => "占起点", "% of start";
    LcGoLiveRate => "上线率", "Go-live rate";
    LcMedianDays => "上线耗时中位数（天）", "Median days to go-live";
    LcWithoutGoLive => "未记录上线日期", "No go-live recorded";
    LcFunnelEmpty => "此时间窗内没有首个合同开始的客户。", "No account's first term started in this window.";
    LcRulesTitle => "阶段规则", "Stage rules";
    LcRulesNote => "这两项规则决定每个客户所处的阶段，对所有页面生效，并随设置保存。", "These rules place every account in its stage, on every page, and are saved with the settings.";
    LcRenewalWindow => "续费期窗口（天）", "Renewal window (days)";
    LcRenewalWindowHelp => "合同到期前多少天进入续费期，默认 90 天。", "Days before a term's end when the renewal stage begins; default 90.";
    LcLaunchDays => "上线初期（天）", "Launch period (days)";
    LcLaunchDaysHelp => "上线后多少天内属于上线初期，默认 90 天。", "Days after go-live that count as launch; default 90.";
    LcRulesInvalid => "请输入 0 到 730 之间的整数天数。", "Enter whole days from 0 to 730.";
    UseDefault => "恢复默认", "Use default";
    RangeFrom => "从", "From";
    RangeTo => "到", "To";
    RangeBackwards => "开始日期不能晚于结束日期。", "The start date cannot be after the end date.";

    // — renewals (issue 6) —
    RenIntro => "到期合同在统计期间内、且截至基准日已有结果（续约、流失或逾期超过宽限期）的，计入到期基数。", "A term counts in the due base when its end is in the period and, as of the as-of date, it is decided: renewed, churned, or lapsed past the grace period.";
    RenEmptyBook => "客户档案为空：导入客户或加载示例数据后，这里会显示续约指标。", "The book is empty: import accounts or load the demo data to see renewal figures.";
    RenPeriodLabel => "统计期间", "Period";
    RenPeriodLast12 => "最近 12 个月", "Last 12 months";
    RenPeriodThisQuarter => "本季度（截至基准日）", "This quarter (to date)";
    RenPeriodLastQuarter => "上季度", "Last quarter";
    RenPeriodMonth => "指定月份", "A month";
    RenPeriodCustom => "自定义", "Custom";
    RenPeriodMonthLabel => "月份", "Month";
    RenPeriodBadMonth => "月份格式应为 YYYY-MM，例如 2025-03。", "Write the month as YYYY-MM, e.g. 2025-03.";
    RenDueCount => "到期客户数", "Due terms";
    RenDueArr => "到期金额", "Due ARR";
    RenPendingCount => "待定（宽限期内）", "Pending (within grace)";
    RenPendingHelp => "已过到期日但仍在宽限期内的合同不计入到期基数。", "Terms past their end but within the grace period are not in the due base.";
    RenMetricsTitle => "续约指标", "Renewal metrics";
    RenColMetric => "指标", "Metric";
    RenColValue => "数值", "Value";
    RenColDefinition => "口径", "Definition";
    RenLogoRate => "续约率", "Logo renewal rate";
    RenOntimeRate => "当月续约率", "On-time renewal rate";
    RenEarlyRate => "提前续约率", "Early renewal rate";
    RenGrr => "金额续费率 (GRR)", "Gross dollar renewal (GRR)";
    RenNrr => "净续费率 (NRR)", "Net dollar renewal (NRR)";
    RenChurnRate => "流失率", "Logo churn rate";
    RenLogoRateDef => "续约数 ÷ 到期数", "renewed ÷ due";
    RenOntimeRateDef => "在到期当月月底前续约的数量 ÷ 到期数", "renewed by the last day of the end's month ÷ due";
    RenEarlyRateDef => "在到期月份之前续约的数量 ÷ 到期数", "renewed before the end's month ÷ due";
    RenGrrDef => "Σ 续约合同的 min(续约后 ARR, 原 ARR) ÷ 到期金额", "Σ over renewed of min(next ARR, ARR) ÷ due ARR";
    RenNrrDef => "Σ 续约合同的续约后 ARR ÷ 到期金额", "Σ over renewed of next ARR ÷ due ARR";
    RenChurnRateDef => "(到期数 − 续约数) ÷ 到期数", "(due − renewed) ÷ due";
    RenNoDue => "此期间没有已有结果的到期合同，比率不计算。", "No decided term is due in this period, so no rate is computed.";
    RenMonthlyTitle => "按到期月份的续约率与金额续费率", "Logo and dollar renewal by month of end date";
    RenMonthX => "到期月份", "Month of end date";
    RenRateY => "比率 (%)", "Rate (%)";
    RenSeriesLogo => "续约率", "Logo renewal";
    RenSeriesGrr => "金额续费率", "GRR";
    RenSeriesNrr => "净续费率", "NRR";
    RenMonthlyEmpty => "此期间没有已有结果的到期合同。", "No decided term is due in this period.";
    RenCalendarTitle => "续约日历（未来 12 个月）", "Renewal calendar (next 12 months)";
    RenCalendarHelp => "基准日所在月之后 12 个月内到期、尚无结果的合同，按客户健康度拆分。", "Open terms ending in each of the 12 months after the as-of date's month, split by the account's health.";
    RenColMonth => "月份", "Month";
    RenColTerms => "合同数", "Terms";
    RenColArrDue => "到期金额", "ARR due";
    RenColAtRisk => "风险金额（红 + 黄）", "ARR at risk (red + yellow)";
    RenBandRed => "风险", "Red";
    RenBandYellow => "关注", "Yellow";
    RenBandGreen => "健康", "Green";
    RenBandNone => "无健康度", "No health";
    RenCalendarChartTitle => "未来 12 个月到期金额（按健康度）", "ARR ending in the next 12 months, by health";
    RenArrY => "到期金额", "ARR";
    RenCalendarEmpty => "未来 12 个月没有到期的未决合同。", "No open term ends in the next 12 months.";
    RenOverdueTitle => "逾期未续（宽限期内）", "Overdue (within grace)";
    RenUpcomingTitle => "即将到期（续费期窗口内）", "Upcoming (within the renewal window)";
    RenColAccount => "客户", "Account";
    RenColEnd => "到期日", "End date";
    RenColDaysToEnd => "距到期（天）", "Days to end";
    RenColArr => "金额 (ARR)", "ARR";
    RenColHealth => "健康度", "Health";
    RenColOwner => "负责人", "Owner";
    RenUnassigned => "未分配", "Unassigned";
    RenListEmpty => "没有。", "None.";
    RenListMore => "共 {total} 条，仅显示前 {shown} 条。", "{total} in all; the first {shown} are shown.";
    RenActivityTitle => "活跃度与续约", "Activity and renewal";
    RenActivityHelp => "到期基数中有活跃率的合同：各活跃率区间的续约率，以及活跃率与是否续约的点二列相关系数 r。", "The due terms whose account has an activity figure: the renewal rate per activity band, and the point-biserial correlation r between activity and renewing.";
    RenColActivityBand => "活跃率区间", "Activity band";
    RenColRenewed => "已续约", "Renewed";
    RenColRenewalRate => "续约率", "Renewal rate";
    RenCorrN => "样本数 n", "n (terms with activity)";
    RenCorrR => "相关系数 r", "Correlation r";
    RenCorrInterval => "95% 置信区间", "95% interval";
    RenCorrNoR => "样本少于 4 个，或续约与否、活跃率其中一方没有差异，不计算 r。", "No r: fewer than 4 terms, or no variation in activity or in the outcome.";
    RenSmallSample => "样本少于 30 个，结果很不稳定，请谨慎解读。", "Fewer than 30 terms: the result is unstable; read it with care.";
    RenActivityToday => "注意：活跃率是客户当前的数值，而不是续约决定之前的数值。", "Note: activity is the account's value today, not its value before the renewal decision.";
    RenNotCausation => "相关不等于因果：活跃度高的客户续约更多，并不说明提高活跃度就一定能提高续约。", "Correlation is not causation: that more active accounts renew more often does not show that raising activity raises renewal.";
    RenActivityChartTitle => "各活跃率区间的续约率", "Renewal rate by activity band";
    RenActivityEmpty => "没有带活跃率的已决到期合同。", "No decided due term has an activity figure.";

    // — book (issue 3) —
    BookEmptyTitle => "客户档案还是空的", "The book is empty";
    BookEmptyBody => "从 CSV 或 Excel 导入客户，加载示例数据先体验一下，或手动新增第一个客户。", "Import accounts from a CSV or Excel file, load the demo book to explore, or add your first account by hand.";
    BookAdd => "新增客户", "Add account";
    BookSearch => "搜索名称、ID、行业、区域、负责人", "Search name, id, industry, region, owner";
    BookShowing => "显示 {shown} / {total} 个客户", "Showing {shown} of {total} accounts";
    BookNoMatch => "没有符合条件的客户。", "No account matches these filters.";
    BookClearFilters => "清除筛选", "Clear filters";
    FilterAnyTier => "全部层级", "All tiers";
    FilterAnyIndustry => "全部行业", "All industries";
    FilterAnyOwner => "全部负责人", "All owners";
    FilterUnassigned => "未分配", "Unassigned";
    FilterAnyStage => "全部阶段", "All stages";
    FilterAnyHealth => "全部健康度", "All health";
    Columns => "显示列", "Columns";
    ColName => "客户名称", "Name";
    ColId => "客户ID", "ID";
    ColOwner => "负责人", "Owner";
    ColIndustry => "行业", "Industry";
    ColRegion => "区域", "Region";
    ColTier => "层级", "Tier";
    ColStage => "阶段", "Stage";
    ColArr => "年费 ARR", "ARR";
    ColHealth => "健康度", "Health";
    ColEnd => "合同到期", "Term ends";
    ColLastTouch => "最近联系", "Last touch";
    ColGoLive => "上线日期", "Go-live";
    ColFit => "匹配度", "Fit";
    ColActivity => "活跃率", "Activity";
    ColPotentialArr => "潜在 ARR", "Potential ARR";
    ColDepth => "应用深度", "Depth";
    ColSatisfaction => "满意度", "Satisfaction";
    ColHealthOverride => "健康度（手动）", "Health (manual)";
    ColReferrals => "转介绍数", "Referrals";
    ColExpansion => "增购金额", "Expansion";
    SortBy => "排序：", "Sort by";
    StageKickoff => "启动期", "Kickoff";
    StageLaunch => "上线初期", "Launch";
    StageAdoption => "使用期", "Adoption";
    StageRenewal => "续费期", "Renewal";
    StageMaintenance => "维护期", "Maintenance";
    StageOverdue => "逾期未续", "Overdue";
    StageChurned => "流失", "Churned";
    BandRed => "风险", "At risk";
    BandYellow => "关注", "Watch";
    BandGreen => "健康", "Healthy";
    BandNone => "无数据", "No data";
    SelectRow => "选择", "Select";
    SelectAllShown => "全选当前结果", "Select all shown";
    SelectedCount => "已选 {n} 个客户", "{n} accounts selected";
    ClearSelection => "取消选择", "Clear selection";
    AssignOwnerPlaceholder => "负责人姓名（留空为未分配）", "Owner name (empty = unassigned)";
    AssignOwner => "分配负责人", "Assign owner";
    DeleteSelected => "删除所选", "Delete selected";
    Delete => "删除", "Delete";
    DeletedToast => "已删除 {n} 个客户。", "Deleted {n} accounts.";
    AssignedToast => "已为 {n} 个客户设置负责人。", "Owner set on {n} accounts.";
    SavedToast => "已保存。", "Saved.";
    Undo => "撤销", "Undo";
    Dismiss => "关闭", "Dismiss";
    FormNewTitle => "新增客户", "New account";
    FormEditTitle => "编辑客户", "Edit account";
    Save => "保存", "Save";
    Cancel => "取消", "Cancel";
    FormTerms => "合同周期（由早到晚）", "Contract terms (oldest first)";
    AddTerm => "新增合同周期", "Add term";
    RemoveTerm => "删除此周期", "Remove term";
    TermStart => "开始日期", "Start";
    TermEnd => "到期日期", "End";
    TermArr => "年费", "ARR";
    TermOutcome => "结果", "Outcome";
    TermOutcomeOn => "续约/流失日期", "Renewed / churned on";
    OutcomeOpen => "进行中", "Open";
    OutcomeRenewed => "续约", "Renewed";
    OutcomeChurned => "流失", "Churned";
    FormHasErrors => "请先修正标红的字段，再保存。", "Fix the fields marked in red to save.";
    ErrRequired => "必填。", "Required.";
    ErrTooLong => "最多 {max} 个字符。", "At most {max} characters.";
    ErrNotPercent => "应在 0 到 100 之间。", "Must be between 0 and 100.";
    ErrNegative => "不能为负数。", "Cannot be negative.";
    ErrNotANumber => "不是有效的数字。", "Not a number.";
    ErrNotWhole => "应为不小于 0 的整数。", "Must be a whole number, 0 or more.";
    ErrNotADate => "日期格式应为 YYYY-MM-DD。", "Write the date as YYYY-MM-DD.";
    ErrDateRequired => "请填写日期。", "Needs a date.";
    ErrEndNotAfterStart => "到期日期必须晚于开始日期。", "The end must be after the start.";
    ErrOverlaps => "与上一个合同周期重叠。", "Overlaps the previous term.";
    ErrOutcomeBeforeStart => "日期早于该周期开始日期。", "Dated before the term starts.";
    ErrFollowsUnrenewed => "上一个周期没有续约，不能接着新周期。", "The term before was not renewed.";
    ErrDuplicateId => "已有其他客户使用这个 ID。", "Another account already uses this id.";

    // — import & export (issue 4) —
    ImportTitle => "导入客户", "Import accounts";
    ImportChooseFile => "选择 CSV 文件", "Choose a CSV file";
    ImportEncoding => "文件编码：{encoding}。", "File encoding: {encoding}.";
    ImportEncodingAuto => "自动识别", "Detect automatically";
    ImportEncodingLabel => "文件编码", "Encoding";
    ImportEncodingDamaged => "部分字节在此编码下无效，请改选另一种编码。", "Some bytes are invalid in this encoding; try the other one.";
    ImportMapping => "列对应关系", "Column mapping";
    ImportColumnIgnored => "（忽略此列）", "(ignore this column)";
    ImportModeReplace => "替换全部客户", "Replace the whole book";
    ImportModeMerge => "合并：按客户ID或客户名称更新，其余新增", "Merge: update by id or name, add the rest";
    ImportApply => "确认导入", "Import";
    ImportSummary => "可导入 {accounts} 个客户（{imported} 行）；{rejected} 行被拒绝；跳过 {blank} 个空行。", "Accounts that can be imported: {accounts} (from {imported} rows). Rejected rows: {rejected}. Blank rows skipped: {blank}.";
    ImportGeneratedIds => "{n} 个客户没有客户ID，已自动生成。", "Accounts without an id, given a generated one: {n}.";
    MergeSummary => "新增 {added} 个客户，更新 {updated} 个，移除 {removed} 个。", "Accounts added: {added}, updated: {updated}, removed: {removed}.";
    ImportEmptyFile => "文件是空的：没有表头行。", "The file is empty: it has no header line.";
    ImportMalformed => "第 {line} 行无法按 CSV 格式读取。", "Line {line} cannot be read as CSV.";
    ImportNoNameColumn => "没有任何列对应“客户名称”，请在列对应关系中指定。", "No column is mapped to the account name; choose one in the column mapping.";
    ImportFieldTwice => "“{field}”对应了多列，每个字段只能对应一列。", "“{field}” is mapped from more than one column; map each field from one column only.";
    RowAtColumn => "第 {line} 行，“{column}”列（“{value}”）：{reason}", "Line {line}, column “{column}” (“{value}”): {reason}";
    RowAtEmptyColumn => "第 {line} 行，“{column}”列：{reason}", "Line {line}, column “{column}”: {reason}";
    RowAtMissingColumn => "第 {line} 行，“{column}”（文件中没有这一列）：{reason}", "Line {line}, “{column}” (the file has no such column): {reason}";
    RowWhole => "第 {line} 行：{reason}", "Line {line}: {reason}";
    ReasonRequired => "不能为空", "cannot be empty";
    ReasonTooLong => "不能超过 {max} 个字符", "cannot be longer than {max} characters";
    ReasonNotANumber => "不是有效的金额或数字（可写作 12000、12,000.50、$12,000、¥12,000、1.2万）", "not a valid number (write it like 12000, 12,000.50, $12,000 or ¥12,000)";
    ReasonNegative => "不能为负数", "cannot be negative";
    ReasonTooLarge => "数值过大", "is too large";
    ReasonNotAnInteger => "必须是整数", "must be a whole number";
    ReasonOutOfRange => "必须在 0 到 100 之间", "must be between 0 and 100";
    ReasonNotADate => "不是有效的日期（可写作 2025-03-05、2025/3/5 或 2025年3月5日）", "not a valid date (write it like 2025-03-05 or 2025/3/5)";
    ReasonNoSuchDate => "日历上没有这一天", "no such day in the calendar";
    ReasonSerialOutOfRange => "不是有效的 Excel 日期序号", "not a valid Excel date number";
    ReasonUnknownStatus => "状态应为“进行中”“续约”或“流失”（也可写 open、renewed、churned），或留空", "status must be open, renewed or churned, or empty";
    ReasonEndNotAfterStart => "合同到期日必须晚于合同开始日", "the contract must end after it starts";
    ReasonNotWithStatus => "与该行的状态不符，应留空", "does not fit the row's status; leave it empty";
    ReasonDuplicateTerm => "与第 {line} 行的客户ID和合同开始日都相同，是重复行", "repeats line {line} (same id and contract start)";
    ReasonFollowsUnrenewedTerm => "同一客户在第 {line} 行的上一期合同没有续约，之后不能再有合同", "the account's previous term (line {line}) was not renewed, so no term can follow it";
    ReasonOverlapsTerm => "与同一客户第 {line} 行的合同期重叠", "overlaps the account's term on line {line}";
    ReasonDiffersFromRenewedArr => "与第 {line} 行填写的续约金额不一致", "differs from the renewed_arr on line {line}";
    ReasonAccountRejected => "同一客户的第 {line} 行有错误，该客户的所有行都未导入", "another row of this account (line {line}) has an error, so none of its rows were imported";
    ReasonExtraCells => "有 {found} 个单元格，但表头只有 {expected} 列（含逗号的名称需加引号）", "has {found} cells but the header has {expected} columns (quote names that contain commas)";
    ExportCsv => "导出 CSV", "Export CSV";
    BackupExport => "下载备份（JSON）", "Download backup (JSON)";
    BackupRestore => "从备份恢复", "Restore from backup";
    BackupNotJson => "这不是 JSON 文件。", "This is not a JSON file.";
    BackupNotOurs => "这不是 CS 规划的备份文件。", "This is not a CS Planner backup.";
    BackupNewer => "这个备份来自更新的版本（格式 {found}，当前版本最高支持 {supported}），请先更新应用。", "This backup comes from a newer version (format {found}; this version reads up to {supported}). Update the app first.";
    BackupDamaged => "备份文件内容有误：{detail}", "The backup is damaged: {detail}";
    DemoLoad => "载入示例客户", "Load a demo book";
    ImportOpen => "导入 CSV 或备份", "Import CSV or backup";
    ImportDrop => "也可以把 CSV 或备份文件拖放到这个页面。", "You can also drop a CSV or backup file on this page.";
    ImportFileLabel => "文件：{name}", "File: {name}";
    ImportPreviewRows => "前 {n} 行预览（表头可改对应字段）", "First {n} rows (change a column's field in its header)";
    ImportRejectedTitle => "被拒绝的行（{n}）", "Rejected rows ({n})";
    ImportMoreNotShown => "另有 {n} 条未显示。", "{n} more not shown.";
    ImportNothing => "没有可导入的客户：请检查列对应关系和被拒绝的行。", "No account can be imported: check the column mapping and the rejected rows.";
    ImportedToast => "导入完成。{summary}", "Import done. {summary}";
    ImportReadFailed => "无法读取这个文件。", "The file could not be read.";
    ImportClose => "关闭", "Close";
    BackupPreview => "备份导出于 {at}，包含 {accounts} 个客户，以及设置和方案。恢复后将替换当前的客户档案、设置和方案。", "Backup exported {at}: {accounts} accounts, with settings and scenarios. Restoring replaces the current book, settings and scenarios.";
    BackupApply => "确认恢复", "Restore";
    RestoredToast => "已从备份恢复。", "Restored from the backup.";
    DemoSize => "示例规模", "Demo size";
    DemoLoadedToast => "已载入示例客户档案：{n} 个客户。", "Demo book loaded: {n} accounts.";
    DataActions => "导入与导出", "Import and export";

    // — storage (issue 3) —
    StorageTitle => "本地存储", "Local storage";
    StorageTruncated => "保存的客户档案不完整：上次保存被中断了。", "The saved book is incomplete: the last save was cut off.";
    StorageCorrupt => "保存的客户档案已损坏，无法读取。", "The saved book is damaged and cannot be read.";
    StorageUseGood => "使用上一份完好的副本", "Use the last good copy";
    StorageDownloadRaw => "下载原始数据", "Download the raw data";
    StorageStartOver => "从空白档案开始", "Start with an empty book";
    StorageNewer => "这份档案由更新版本的 CS 规划保存，这里只能只读查看。", "This book was saved by a newer version of CS Planner; it is shown read-only.";
    StorageNewerUnreadable => "这份档案由更新版本的 CS 规划保存，当前版本无法读取。", "This book was saved by a newer version of CS Planner, which this version cannot read.";
    StorageQuota => "浏览器存储空间已满，最近的修改没有保存。请下载备份。", "The browser's storage is full: recent changes are not saved. Download a backup.";
    StorageGoodStale => "存储空间不够保留两份副本，备用副本是较早的版本。", "Not enough room for two copies: the backup copy is an older version.";
    StorageUnavailable => "浏览器存储不可用（可能处于隐私模式或已被禁用）：客户档案只保存在当前页面中，关闭前请下载备份。", "Browser storage is unavailable (private mode, or disabled): the book lives in this page only. Download a backup before closing it.";
    StorageOtherTab => "另一个标签页保存了不同版本的客户档案，而这里还有未保存的修改。", "Another tab saved a different version of the book while this one has unsaved changes.";
    StorageLoadTheirs => "载入另一个标签页的版本", "Load the other tab's version";
    StorageKeepMine => "保留这里的版本（覆盖另一个）", "Keep this version (overwrites the other)";
    StorageBookSize => "档案大小：{chars} 个字符。", "Book size: {chars} characters.";
    StorageGoodSavedAt => "（保存于 {at}）", "(saved {at})";
    StorageSaveFailed => "保存失败，数据仍在当前页面中。请下载备份。", "Saving failed; the book is still open in this page. Download a backup.";

    // — capacity (issue 7) —
    CapIntro => "需要多少位客户成功经理、何时招聘、成本多少：三种方法对比、招聘触发、假设推演与方案对比。所有输入即改即算。", "How many CSMs the book needs, when to hire and what it costs: three methods side by side, hiring triggers, a what-if projection and scenarios. Every input answers at once.";
    CapNeedTitle => "当前需要的人力", "Need now";
    CapNeedLead => "覆盖 {accounts} 个活跃客户，活跃 ARR {arr}。", "Covering {accounts} active accounts, {arr} active ARR.";
    CapCurrentCsms => "当前客户成功经理人数", "Current CSMs";
    CapCsmsFromOwners => "团队名单为空，按活跃客户的不同负责人计数。", "The roster is empty, so this counts the distinct owners of active accounts.";
    CapCsmsFromRoster => "来自团队名单：角色为客户成功经理的 FTE 之和。", "From the roster: the FTE of people with the CSM role.";
    CapMethodArrRule => "200万原则（按 ARR）", "ARR rule";
    CapMethodNeeds => "按需分配（按客户数）", "Needs-based";
    CapMethodHybrid => "分群 + 200万原则", "Hybrid (tiers + ARR rule)";
    CapExactFte => "所需 FTE（精确值）", "Required FTE (exact)";
    CapHeadcount => "人数（FTE 向上取整）", "Headcount (FTE rounded up)";
    CapGapToCurrent => "与当前人数差额（+ 需增，− 富余）", "Gap to current CSMs (+ hire, − spare)";
    CapUsedInProjection => "推演使用此方法", "Used in the projection";
    CapArrPerCsm => "每位客户成功经理负责的 ARR", "ARR per CSM";
    CapPreset1M => "100万（Gainsight 做法）", "$1M (Gainsight's practice)";
    CapPreset2M => "200万（主流）", "$2M (mainstream)";
    CapPresetCustom => "自定义", "Custom";
    CapArrPerCsmCustom => "自定义金额", "Custom amount";
    CapArrRuleNote => "FTE = 活跃 ARR ÷ 每人 ARR。Marketo 面向中小客户、自动化完善时按 100万–800万 配置。", "FTE = active ARR ÷ ARR per CSM. Marketo ran $1M–8M for SMB accounts with strong automation.";
    CapWorkdays => "年工作日", "Workdays a year";
    CapHoursPerDay => "每日工时", "Hours a day";
    CapUtilization => "用于客户的时间占比", "Share of time on accounts";
    CapEffortNote => "每位经理每年可用于客户 {hours} 小时；某层级填写了“每客户年工时”时，按此推算每人负责的客户数。", "A CSM has {hours} hours a year for accounts; a tier with hours per account derives its accounts per CSM from them.";
    CapDedicatedThreshold => "专属经理门槛（层级 ARR）", "Dedicated-CSM threshold (tier ARR)";
    CapHybridNote => "高接触、低接触层级的 ARR 达到门槛时配专属经理（向上取整）；其余层级与自动化层级共享人力池，不取整。", "High- and low-touch tiers whose ARR reaches the threshold get whole dedicated CSMs; the others and tech-touch tiers share a pool, unrounded.";
    CapTierTableCaption => "各层级的客户、配置比例和所需 FTE（比例可直接修改，即为层级设置）", "Each tier's book, ratios and FTE (the ratios are the tier settings; edit them here)";
    CapServiceModel => "服务模式", "Service model";
    CapHighTouch => "高接触", "High-touch";
    CapLowTouch => "低接触", "Low-touch";
    CapTechTouch => "自动化", "Tech-touch";
    CapAccountsPerCsm => "每人客户数", "Accounts per CSM";
    CapHoursPerAccount => "每客户年工时", "Hours per account a year";
    CapTierArrPerCsm => "本层每人 ARR", "Tier ARR per CSM";
    CapNotSet => "未填写", "not set";
    CapGlobal => "同全局", "global";
    CapDedicated => "专属", "dedicated";
    CapPooled => "共享", "pooled";
    CapFieldInvalid => "请输入有效的数字（在允许范围内）。", "Enter a number within the allowed range.";

    CapAlertsTitle => "招聘触发", "Hiring triggers";
    CapNoAlerts => "目前没有触发招聘的条件。", "No hiring trigger fires now.";
    CapAlertFirstCsm => "还没有客户成功经理，而已有 {n} 个活跃客户 ARR ≥ {arr}（触发条件：至少 {min} 个）：应招聘第一位客户成功经理。", "No CSM yet, and {n} active accounts have ARR ≥ {arr} (the trigger is {min} or more): hire the first CSM.";
    CapAlertUncoveredTier => "{tier}：{n} 个客户的 ARR 合计 {arr}，达到 {threshold} 的门槛，却没有任何客户由客户成功经理负责：应为该层级招聘。", "{tier}: {n} accounts with {arr} of ARR reach the {threshold} threshold, and no CSM owns any of them: hire for this tier.";
    CapTriggerSettings => "触发条件设置", "Trigger thresholds";
    CapTriggerAccounts => "大客户个数", "Large accounts";
    CapTriggerArr => "大客户 ARR 下限", "Large account ARR from";
    CapTriggerNote => "层级触发使用上面的专属经理门槛（种子文章：一个分群 30万–50万 的收入即可覆盖一位经理的成本）。", "The tier trigger uses the dedicated-CSM threshold above (seed: a segment earning 300–500K covers a CSM's cost).";

    CapWhatIfTitle => "假设推演", "What-if projection";
    CapMethod => "计算方法", "Method";
    CapHorizon => "推演月数（12–36）", "Horizon in months (12–36)";
    CapTeamInputs => "团队", "Team";
    CapAttrition => "年离职率", "Annual attrition";
    CapRamp => "新人爬坡月数", "Ramp months";
    CapLeadTime => "招聘周期（月）", "Recruiting lead time (months)";
    CapLoadedCost => "每人年综合成本", "Loaded cost a year";
    CapCsmsFollowBook => "当前人数取自团队名单（或客户负责人）；修改后以你填写的为准。", "Current CSMs follow the roster (or owners) until you type a number.";
    CapCsmsTyped => "当前人数为你填写的数字。", "Current CSMs is the number you typed.";
    CapGrowthInputs => "各层级增长", "Growth by tier";
    CapNewLogos => "每月新客户数", "New logos a month";
    CapAvgNewArr => "新客户平均 ARR", "Average new ARR";
    CapLogoChurn => "年客户流失率", "Annual logo churn";
    CapDollarChurn => "年金额流失率", "Annual dollar churn";
    CapNetExpansion => "年净增购率", "Annual net expansion";
    CapGrowthFromBook => "预填自客户档案：近 12 个月的新客户、流失率、1 − GRR、NRR − GRR。", "Prefilled from the book: new logos of the last 12 months, logo churn, 1 − GRR, NRR − GRR.";
    CapGrowthTyped => "使用你填写的数字。", "Using the numbers you typed.";
    CapFollowBook => "恢复为档案数据", "Back to the book's figures";

    CapChartTitle => "所需人力与可用产能", "Required vs available capacity";
    CapCompareChartTitle => "方案对比：所需人力与可用产能", "Scenarios: required vs available capacity";
    CapChartX => "月份（M0 = {month}）", "Month (M0 = {month})";
    CapChartY => "FTE（人）", "FTE";
    CapChartOpenings => "开启招聘职位", "Positions opened";
    CapChartEmpty => "暂无可推演的数据：添加客户或填写增长假设。", "Nothing to project yet: add accounts or growth assumptions.";
    CapRequiredFte => "所需 FTE", "Required FTE";
    CapEffectiveCapacity => "有效产能", "Effective capacity";
    CapRequiredShort => "所需", "required";
    CapCapacityShort => "产能", "capacity";
    CapRequiredFteNow => "当前所需 FTE", "Required FTE now";
    CapRequiredFteEnd => "期末所需 FTE", "Required FTE at the end";
    CapHeadcountEnd => "期末人数", "Headcount at the end";
    CapHires => "需开启职位", "Positions to open";
    CapLateHires => "其中来不及爬坡", "of which late";
    CapFirstOpening => "最早开启职位", "First opening";
    CapPeakGap => "最大产能缺口", "Peak gap";
    CapArrEnd => "期末 ARR", "ARR at the end";
    CapAnnualCostEnd => "期末年度成本", "Annual cost at the end";
    CapCostOverHorizon => "推演期总成本", "Cost over the horizon";
    CapCostShareEnd => "期末成本占 ARR", "CS cost % of ARR at the end";
    CapArrPerCsmEnd => "期末人均 ARR", "ARR per CSM at the end";
    CapNoHires => "推演期内无需开启新职位。", "No position needs opening within the horizon.";
    CapHireLine => "{open} 开启 {n} 个职位 → {start} 入职 → {needed} 起需要", "Open {n} in {open} → start {start} → needed from {needed}";
    CapLate => "招聘周期不足，爬坡期内有缺口", "late: a gap until ramped";
    CapMonthTableCaption => "逐月推演", "Month by month";
    CapMonth => "月份", "Month";
    CapHeadcountCol => "人数", "Headcount";
    CapGap => "缺口（+ 不足）", "Gap (+ short)";
    CapOpen => "开启职位", "Open";
    CapMonthlyCost => "月成本", "Monthly cost";
    CapCostShare => "成本占 ARR", "Cost % ARR";
    CapArrPerCsmCol => "人均 ARR", "ARR per CSM";

    CapScenariosTitle => "方案", "Scenarios";
    CapScenarioName => "方案名称", "Scenario name";
    CapScenarioDefaultName => "方案", "Scenario";
    CapWorkingScenario => "当前方案", "Working scenario";
    CapSaveScenario => "保存为新方案", "Save as a new scenario";
    CapShare => "生成分享链接", "Share link";
    CapShareLink => "分享链接", "Share link";
    CapShareCopied => "已复制。链接只包含参数，不包含客户档案。", "Copied. The link carries the parameters, never the book.";
    CapShareCopyHand => "请复制上面的链接。链接只包含参数，不包含客户档案。", "Copy the link above. It carries the parameters, never the book.";
    CapPrint => "打印摘要", "Print summary";
    CapNameEmpty => "请填写方案名称。", "Give the scenario a name.";
    CapNameTooLong => "名称最多 200 个字符。", "At most 200 characters.";
    CapNameTaken => "已有同名方案，请换一个名称。", "A saved scenario has this name; pick another.";
    CapListFull => "已保存的方案太多，请先删除一些。", "Too many saved scenarios; delete some first.";
    CapNoSaved => "还没有保存的方案。调整上面的假设后点击“保存为新方案”。", "No saved scenarios yet. Adjust the assumptions above and press \"Save as a new scenario\".";
    CapCompare => "对比", "Compare";
    CapCompareThis => "对比方案 {name}", "Compare {name}";
    CapLoad => "载入", "Load";
    CapRename => "重命名", "Rename";
    CapDeleteConfirm => "确认删除", "Yes, delete";
    CapMonthsN => "{n} 个月", "{n} months";
    CapCompareTitle => "方案对比", "Compare scenarios";
    CapCompareHint => "在上表勾选 2–4 个已保存的方案进行对比。", "Tick two to four saved scenarios above to compare them.";
    CapIncoming => "你打开了分享的方案“{name}”，下方显示的是它的参数（基于你自己的客户档案）。你保存的方案没有任何改动。", "You opened the shared scenario \"{name}\": its parameters are shown below, on your own book. Your saved scenarios are unchanged.";
    CapSaveAsNew => "另存为新方案", "Save as new";
    CapReplaceSaved => "替换同名的已保存方案", "Replace the saved one with this name";
    CapReplaceConfirm => "确定用链接中的参数覆盖已保存的同名方案？", "Overwrite the saved scenario of this name with the link's parameters?";
    CapReplaceYes => "确认替换", "Yes, replace";
    CapBackToDraft => "不保存，回到我的草稿", "Don't keep; back to my draft";
    CapBadLink => "链接中的方案参数无法读取，已忽略：", "The link's scenario could not be read, so it is ignored:";

    CapEconomicsTitle => "单位经济", "Unit economics";
    CapGrossMargin => "毛利率", "Gross margin";
    CapLifetime => "客户生命周期（年）", "Customer lifetime (years)";
    CapFromChurn => "按流失率推算", "from logo churn";
    CapCac => "获客成本 CAC（每客户）", "CAC per account";
    CapCacCol => "获客成本 CAC", "CAC";
    CapLtv => "客户终身价值 LTV", "LTV";
    CapLtvCac => "LTV/CAC 比", "LTV/CAC";
    CapPayback => "CAC 回收期（月）", "CAC payback (months)";
    CapSegment => "客户群", "Segment";
    CapOverall => "全部", "Overall";
    CapAvgArr => "平均 ARR", "Average ARR";
    CapLifetimeCol => "生命周期（年）", "Lifetime (years)";
    CapEconomicsNote => "LTV = 平均 ARR × 毛利率 × 生命周期；生命周期 = 1 ÷ 近 12 个月客户流失率（最多 10 年），或手动填写。回收期 = CAC ÷（平均 ARR ÷ 12 × 毛利率）。未填写 CAC 时不计算 LTV/CAC 和回收期。", "LTV = average ARR × gross margin × lifetime; lifetime = 1 ÷ the logo churn of the last 12 months (at most 10 years), or entered. Payback = CAC ÷ (average ARR ÷ 12 × gross margin). Without a CAC, LTV/CAC and payback are not computed.";

    CapPrintTitle => "客户成功人力配置方案：{name}", "CS capacity plan: {name}";
    CapPrintDate => "基准日期 {asof} · 打印于 {today} · CS Planner 客户成功规划", "As of {asof} · printed {today} · CS Planner";
    CapCsmHours => "每人每年可用于客户的工时", "CSM hours a year on accounts";
    CapStartCsms => "期初客户成功经理人数", "CSMs at the start";

    NotFoundTitle => "找不到这个页面", "Page not found";
    NotFoundBody => "这个地址没有对应的页面，请从导航中选择。", "There is no page at this address; pick one from the navigation.";
}
