//! The Board page: the tier × stage matrix and the priority list.

macro_rules! board_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
            BoardEmptyBook => "客户档案为空：在客户档案页添加或导入客户后，这里会显示分层 × 阶段矩阵和优先处理清单。", "The book is empty: add or import accounts on the Book page to see the tier × stage matrix and the priority list here.";
            BoardMatrixTitle => "分层 × 生命周期阶段", "Tier × lifecycle stage";
            BoardMatrixHelp => "每格为客户数和 ARR；点击格子查看其中的客户。", "Each cell shows accounts and ARR; click a cell to list its accounts.";
            BoardActiveTotal => "活跃合计", "Active total";
            BoardPriorityTitle => "优先处理清单", "Priority list";
            ColReason => "原因", "Reason";
            ReasonRenewalToday => "合同今天到期", "Term ends today";
            ReasonRed => "健康度处于风险区", "Health at risk";
            ContactDone => "已联系", "Contact done";
            PriorityEmpty => "截至基准日期，没有需要优先处理的客户。", "Nothing needs attention as of the as-of date.";

            ReasonsJoin => "；", "; ";
            PriorityGroupRenewal => "续费期内", "In the renewal window";
            PriorityGroupRed => "健康度风险", "Health at risk";
            PriorityGroupStalled => "启动停滞", "Stalled kickoff";
            PriorityGroupContact => "到期联系", "Contact due";
            PriorityGroupsLabel => "按原因分组", "By reason";
            ColRank => "序号", "#";
            ColTierStage => "层级 · 阶段", "Tier · stage";
        } { $($tpl)*
            BoardCellTitle { tier, stage, n } => "{tier} · {stage}（{n} 个客户）", "{tier} · {stage} ({n})";
            BoardPriorityHelp { date } => "截至 {date}，依次为：逾期未续、续费期（按剩余天数、再按 ARR）、健康度风险、启动停滞、到期联系。", "As of {date}, in this order: overdue, renewal window (by days to end, then ARR), at-risk health, stalled kickoff, contact due.";
            ReasonOverdue { n } => "合同已到期 {n} 天，尚未续约", "Term ended {n} days ago, not renewed";
            ReasonRenewal { n } => "合同 {n} 天后到期", "Term ends in {n} days";
            ReasonStalled { n } => "合同开始已 {n} 天，仍在启动期", "Still in kickoff {n} days after the start";
            ReasonContactNever { cadence } => "从未联系（联系周期 {cadence} 天）", "Never contacted (cadence {cadence} days)";
            ReasonContactDue { n, cadence } => "距上次联系 {n} 天（联系周期 {cadence} 天）", "{n} days since the last contact (cadence {cadence} days)";
            ContactDoneToast { name, date } => "已将“{name}”的最近联系日期设为 {date}。", "Last touch of \"{name}\" set to {date}.";
            PriorityCount { n } => "清单中共 {n} 个客户", "Accounts on the list: {n}";
        } }
    };
}
