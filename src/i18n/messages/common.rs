//! The app shell and navigation, shared buttons, and the words several pages share (columns, stages, bands).

macro_rules! common_messages {
    ([$($next:ident)*] { $($msg:tt)* } { $($tpl:tt)* }) => {
        collect! { [$($next)*] { $($msg)*
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
            PartLoading => "正在加载…", "Loading…";
            PartFailed => "这部分应用未能下载。请检查网络连接后重试。", "This part of the app could not be downloaded. Check the connection and try again.";
            PartRetry => "重试", "Try again";

            NavBook => "客户档案", "Book";
            NavSegments => "客户分层", "Segments";
            NavLifecycle => "生命周期", "Lifecycle";
            NavRenewals => "续约", "Renewals";
            NavRevenue => "收入变动", "Revenue";
            NavCapacity => "人力配置", "Capacity";
            NavTeam => "团队与绩效", "Team";
            NavBoard => "工作看板", "Board";
            NavSettings => "设置", "Settings";

            ColAccounts => "客户数", "Accounts";
            BookActive => "活跃客户", "Active accounts";
            BookArr => "活跃 ARR", "Active ARR";

            ColTier => "层级", "Tier";
            ColShareAccounts => "客户数占比", "Share of accounts";
            ColShareArr => "ARR 占比", "Share of ARR";
            ChartEmpty => "暂无数据：添加客户后这里会显示图表。", "No data yet: the chart appears once the book has accounts.";
            DownloadSvg => "下载 SVG", "Download SVG";
            DownloadPng => "下载 PNG", "Download PNG";

            ColServiceModel => "服务模式", "Service model";
            ColHoursPerAccount => "每客户年工时", "Hours per account a year";
            ModelHighTouch => "高接触", "High-touch";
            ModelLowTouch => "低接触", "Low-touch";
            ModelTechTouch => "自动化", "Tech-touch";
            ColAvgHealth => "平均健康度", "Average health";
            LogoRenewalRate => "续约率", "Logo renewal rate";
            Total => "合计", "Total";

            ColIndustry => "行业", "Industry";

            ColFit => "匹配度", "Fit";
            ColOwner => "负责人", "Owner";
            Unassigned => "未分配", "Unassigned";

            ColHealth => "健康度", "Health";
            ColActivity => "活跃率", "Activity";
            ColDepth => "应用深度", "Depth";
            ColSatisfaction => "满意度", "Satisfaction";

            StageKickoff => "启动期", "Kickoff";
            StageLaunch => "上线初期", "Launch";
            StageAdoption => "使用期", "Adoption";
            StageRenewal => "续费期", "Renewal";
            StageMaintenance => "维护期", "Maintenance";
            StageOverdue => "逾期未续", "Overdue";
            Churned => "流失", "Churned";
            ColStage => "阶段", "Stage";
            ColArrAmount => "金额 (ARR)", "ARR";
            GoLiveRate => "上线率", "Go-live rate";
            UseDefault => "恢复默认", "Use default";
            RangeFrom => "从", "From";
            RangeTo => "到", "To";
            RangeBackwards => "开始日期不能晚于结束日期。", "The start date cannot be after the end date.";

            Custom => "自定义", "Custom";
            Month => "月份", "Month";
            Grr => "金额续费率", "GRR";
            Nrr => "净续费率", "NRR";
            ColAccount => "客户", "Account";
            ColRenewalRate => "续约率", "Renewal rate";

            Columns => "显示列", "Columns";
            ColName => "客户名称", "Name";
            ColId => "客户ID", "ID";
            ColRegion => "区域", "Region";
            ColArr => "年费 ARR", "ARR";
            ColEnd => "合同到期", "Term ends";
            ColLastTouch => "最近联系", "Last touch";
            ColGoLive => "上线日期", "Go-live";
            ColPotentialArr => "潜在 ARR", "Potential ARR";
            ColHealthOverride => "健康度（手动）", "Health (manual)";
            ColReferrals => "转介绍数", "Referrals";
            ColExpansion => "增购金额", "Expansion";
            BandRed => "风险", "At risk";
            BandYellow => "关注", "Watch";
            BandGreen => "健康", "Healthy";
            BandNone => "无数据", "No data";
            Delete => "删除", "Delete";
            SavedToast => "已保存。", "Saved.";
            Undo => "撤销", "Undo";
            Dismiss => "关闭", "Dismiss";
            Save => "保存", "Save";
            Cancel => "取消", "Cancel";

            Edit => "编辑", "Edit";
            Remove => "移除", "Remove";
            Team => "团队", "Team";
            Period => "期间", "Period";

            DueArr => "到期 ARR", "ARR due";
            Yes => "是", "Yes";
            No => "否", "No";

            NotFoundTitle => "找不到这个页面", "Page not found";
            NotFoundBody => "这个地址没有对应的页面，请从导航中选择。", "There is no page at this address; pick one from the navigation.";

            TablePages => "翻页", "Pages";
            TablePrev => "上一页", "Previous";
            TableNext => "下一页", "Next";
            TableShowAll => "显示全部", "Show all";
            TableShowPages => "分页显示", "Show pages";
            TableRegion => "表格，可左右滚动", "Table, scrolls sideways";

            UpdateAvailable => "有新版本可用，重新加载即可使用。", "A new version is available: reload to use it.";
            UpdateReload => "重新加载", "Reload";
        } { $($tpl)*
            MonthsN { n } => "{n} 个月", "{n} months";
        } }
    };
}
