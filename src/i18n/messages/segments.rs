//! The Segments page: ARR tiers, industries, the value × fit quadrant and health.

macro_rules! segments_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            ChartTierShareTitle => "各层级客户数占比与 ARR 占比", "Share of accounts and of ARR by tier";
            ChartTierShareY => "占比 (%)", "Share (%)";

            SegIntro => "按合同规模分层、按行业和价值 × 匹配度划分客户，并查看健康度分布。客户数、ARR 和健康度只计活跃客户；续约率按近 12 个月到期的合同计算。", "Accounts by ARR tier, industry and value × fit, with the health distribution. Counts, ARR and health are over active accounts; renewal rates over the terms that came due in the last 12 months.";
            SegEmptyBook => "客户档案还是空的：导入客户或加载示例数据后，这里会显示数字。规则现在就可以编辑。", "The book is empty: import accounts or load the demo data to see figures here. The rules can be edited already.";
            SegTiersTitle => "ARR 分层", "ARR tiers";
            SegTierRulesTitle => "分层规则", "Tier rules";
            SegTierHelp => "门槛从上到下递减，最后一层为 0。金额可写作 12000、1.2万 或 15k。每位 CSM 的 ARR 留空表示使用全局值；联系周期留空表示不定期联系。", "Thresholds fall from top to bottom and the last is 0. Amounts may be typed 12000, 12,000, 15k or 1.5M. An empty ARR per CSM uses the global figure; an empty cadence means no scheduled contact.";
            SegTierBasis => "分层依据", "Tier by";
            SegBasisArr => "当前 ARR", "Current ARR";
            SegBasisPotential => "潜在 ARR（缺失时用当前 ARR）", "Potential ARR (current ARR when missing)";
            SegColTierName => "名称", "Name";
            SegColNameZh => "中文名称", "Chinese name";
            SegColNameEn => "英文名称", "English name";
            SegColThreshold => "门槛（≥）", "Threshold (≥)";
            SegColAccountsPerCsm => "每位 CSM 客户数", "Accounts per CSM";
            SegColArrPerCsm => "每位 CSM 的 ARR", "ARR per CSM";
            SegColCadence => "联系周期（天）", "Contact cadence (days)";
            SegPlaceholderGlobal => "全局", "global";
            SegPlaceholderNone => "无", "none";
            SegAddTier => "添加层级", "Add a tier";
            SegRemoveTier => "删除", "Remove";
            SegRemoveTierLabel => "删除此层级", "Remove this tier";
            SegNewTier => "新层级", "New tier";
            SegDraftNotice => "以下修改有误，尚未生效；数字和图表仍按上一次有效的设置计算。", "These edits have problems and are not applied yet; figures and charts still use the last valid settings.";
            SegDiscard => "放弃修改", "Discard edits";
            SegTierFiguresTitle => "各层级数字", "Figures per tier";
            SegColArr => "ARR 金额", "ARR";
            SegColRenewalRateN => "续约率（到期数）", "Renewal rate (terms due)";
            SegColDue => "到期合同数（近 12 个月）", "Terms due (last 12 months)";

            SegErrRequired => "必填", "Required";
            SegErrNotANumber => "不是有效的数字", "Not a number";
            SegErrNegative => "不能为负数", "Must not be negative";
            SegErrNotPositive => "必须大于 0", "Must be greater than 0";
            SegErrNotWholeDays => "须为正整数天数", "Must be a whole number of days";
            SegErrOutOfPercentRange => "须在 0 到 100 之间", "Must be between 0 and 100";
            SegErrNotBelowPrevious => "须低于上一层级的门槛", "Must be below the threshold of the tier above";
            SegErrLastNotZero => "最后一层的门槛须为 0，才能涵盖所有客户", "The last tier's threshold must be 0 so that every account has a tier";
            SegErrUnnamed => "请至少填写中文或英文名称", "Give the tier a Chinese or an English name";
            SegErrBandsOutOfOrder => "关注线须低于健康线", "The yellow limit must be below the green limit";
            SegErrAllWeightsZero => "至少一个权重须大于 0", "At least one weight must be above 0";
            SegErrNoTiers => "至少保留一个层级", "Keep at least one tier";

            SegIndustriesTitle => "行业", "Industries";
            SegUnspecified => "未指定", "Unspecified";
            SegSortHelp => "点击表头可排序。", "Click a column header to sort.";
            SegNoIndustries => "暂无行业数据。", "No industries yet.";
            ChartIndustryTitle => "各行业 ARR（活跃客户）", "ARR by industry (active accounts)";

            SegQuadrantTitle => "价值 × 匹配度四象限", "Value × fit quadrant";
            SegQuadrantHelp => "横轴为价值（ARR），纵轴为用户画像匹配度；两条线把客户分为四类。点击一个象限查看其中的客户。", "Value (ARR) across, persona fit up; the two lines split the accounts into four groups. Click a quadrant to list its accounts.";
            SegQPanda => "大熊猫", "Panda";
            SegQPotential => "潜力牛", "Potential";
            SegQTool => "工具型", "Tool";
            SegQOasis => "绿洲", "Oasis";
            SegQPandaWhere => "高价值 · 高匹配", "High value · high fit";
            SegQPotentialWhere => "低价值 · 高匹配", "Low value · high fit";
            SegQToolWhere => "低价值 · 低匹配", "Low value · low fit";
            SegQOasisWhere => "高价值 · 低匹配", "High value · low fit";
            SegQPandaStrategy => "核心客户，重点服务", "Core accounts: key service";
            SegQPotentialStrategy => "深挖需求，推动增购", "Dig deeper and expand";
            SegQToolStrategy => "短期匹配度低：工具化、自动化服务", "Low fit for now: tool-style, automated service";
            SegQOasisStrategy => "看似诱人，风险较高", "Looks attractive, high risk";
            SegUnscored => "未评分（无匹配度）", "Unscored (no fit)";
            SegUnscoredHelp => "没有匹配度的活跃客户不进入四象限。", "Active accounts without a fit score are left out of the quadrants.";
            SegValueThreshold => "价值线", "Value threshold";
            SegValueMedian => "活跃客户 ARR 中位数", "Median ARR of active accounts";
            SegValueFixed => "固定金额", "Fixed amount";
            SegValueNow => "当前：", "Now:";
            SegFitThreshold => "匹配度线（≥ 为高）", "Fit threshold (≥ is high)";
            ChartQuadrantTitle => "价值 × 匹配度（活跃客户）", "Value × fit (active accounts)";
            ChartQuadrantX => "ARR（对数刻度）", "ARR (log scale)";
            ChartQuadrantEmpty => "暂无带匹配度的活跃客户。", "No active account with a fit score yet.";
            SegListShown => "按 ARR 从高到低列出。", "Largest ARR first.";
            SegListEmpty => "这一组没有客户。", "No accounts in this group.";
            SegListClose => "收起列表", "Close the list";
            SegColName => "客户名称", "Account";

            SegHealthHelp => "健康度 = 手动健康度；没有时按权重对已有的活跃率、应用深度、满意度加权平均，缺少的指标的权重按比例分给其余指标。区间含下限。", "Health = the manual health if set, else the weighted mean of the activity, depth and satisfaction present; a missing input's weight is spread over the others. Bands include their lower limit.";
            SegHealthWeights => "权重", "Weights";
            SegHealthBands => "区间", "Bands";
            SegHYellowFrom => "关注线（≥）", "Yellow from (≥)";
            SegHGreenFrom => "健康线（≥）", "Green from (≥)";
            SegBandRed => "风险（红）", "Red: at risk";
            SegBandYellow => "关注（黄）", "Yellow: watch";
            SegBandGreen => "健康（绿）", "Green: healthy";
            SegBandNone => "无健康度", "No health data";
            SegAllTiers => "全部", "All";
            ChartHealthTitle => "健康度分布（活跃客户）", "Health distribution (active accounts)";
        } { $($tpl)*
            SegTierN { n } => "第 {n} 层", "Tier {n}";
            ChartIndustryNote { n, total } => "按 ARR 取前 {n} 个行业，共 {total} 个", "Top {n} of {total} industries by ARR";
            ChartQuadrantBinned { cols, rows, max } => "分箱显示：{cols} × {rows} 格，圆面积代表格内客户数（最多 {max} 个）", "Binned: {cols} × {rows} cells; circle area = accounts in the cell (largest {max})";
            SegListTitle { q } => "{q}：客户列表", "{q}: accounts";
        } }
    };
}
