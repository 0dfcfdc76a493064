//! The Lifecycle page: stages, the stage × tier matrix, the cohort funnel and stage rules.

macro_rules! lifecycle_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            LcIntro => "按基准日期查看客户所处的生命周期阶段，以及按首个合同开始时间分组的上线漏斗。", "Where each account is in its life as of the as-of date, and the go-live funnel of the accounts that started in a window.";
            LcEmptyBook => "客户档案为空：导入客户或加载示例数据后，这里会显示各阶段的分布和漏斗。", "The book is empty: import accounts or load the demo data to see stages and the funnel.";
            LcStagesTitle => "阶段分布", "Accounts by stage";
            LcColShareAccounts => "客户占比", "% of accounts";
            LcColShareArr => "ARR 占比", "% of ARR";
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
        } { $($tpl)*
        } }
    };
}
