#!/usr/bin/env python3
"""A synthetic corpus of a Chinese community portal, for benchmarks and size tests.

    python3 bench/gen_corpus.py --n 10000 --out DIR [--seed 42] [--clean]

Writes N articles under DIR/content/: every fifth one is a notice
(content/notices/), the others are news (content/news/). Each file has the
front matter staff write (title, date with +08:00, tags, categories,
summary, author) and a Markdown body of roughly 1.5 to 4 KB: paragraphs,
one or two `##` headings, bold text, a link, often a list and sometimes a
GFM table, the way a 社区 writes up its work. Only the standard library is
used, and the same N and seed always give the same bytes.

File names are ASCII (`NNNNNN-topic.md`), so hongfan and Hugo derive the same
slug from them and build the same URLs. Dates run from 2023-01-01 to the end
of 2025, so `--now 2026-01-01` publishes every article.

This file belongs to the project (bench/run.sh, bench/large.sh,
bench/serve_latency.sh and tests/e2e/search_index_size.js run it).
"""
import argparse
import datetime as dt
import os
import random
import shutil
import sys

# Words a 社区 uses about its work. The output depends only on these tables
# and the seed, so keep them as tuples and change them knowingly: any change
# changes the corpus (bench/run.sh notices and regenerates).
COMMUNITIES = (
    "青松社区", "向阳社区", "清河社区", "润泽社区", "荷花塘社区", "翠竹社区", "银杏社区",
    "兴隆社区", "东湖社区", "西园社区", "南苑社区", "北关社区", "启明社区", "安和社区",
    "悦来社区", "福寿社区", "文昌社区", "东方红社区", "汇景社区", "凤凰社区", "永安社区",
    "嘉禾社区", "锦江社区", "建设路社区",
)
STREETS = ("长安街道", "河西街道", "城南街道", "新城街道", "古楼街道", "湖滨街道", "开发区街道")
BODIES = (
    "党委", "居委会", "网格党支部", "物业服务企业", "业主委员会", "志愿服务队",
    "新时代文明实践站", "卫生服务中心", "警务室", "妇联", "关工委",
    "老年人协会", "党员先锋岗", "驻区共建单位", "辖区中小学", "小区党支部", "楼栋长队伍",
    "社会工作服务站", "综治中心", "退役军人服务站",
)
SUBJECTS = (  # (what was done, the ASCII word in the file name)
    ("垃圾分类入户宣传", "waste-sorting"), ("老旧小区综合改造", "estate-renewal"),
    ("高层住宅消防安全检查", "fire-check"), ("汛期应急演练", "flood-drill"),
    ("防范电信诈骗宣传", "anti-fraud"), ("主题党日活动", "party-day"),
    ("邻里文化节", "neighbour-day"), ("家庭医生签约义诊", "family-doctor"),
    ("电动自行车集中充电点建设", "e-bike-charging"), ("既有住宅加装电梯", "lift-retrofit"),
    ("红色物业联席会", "red-property"), ("网格员能力提升培训", "grid-training"),
    ("困难群众节日走访", "festival-visits"), ("文明养犬劝导", "dog-walking"),
    ("老年人健康知识讲座", "elder-health"), ("青少年暑期课堂", "summer-class"),
    ("居民协商议事会", "residents-forum"), ("矛盾纠纷排查调处", "mediation"),
    ("流动人口信息核查", "population-check"), ("流感疫苗接种预约", "flu-vaccine"),
    ("平安小区创建", "safe-estate"), ("背街小巷环境整治", "back-lanes"),
    ("高龄老人集体生日会", "birthday-party"), ("家门口招聘会", "job-fair"),
    ("法律明白人进楼栋", "law-talk"), ("燃气安全入户排查", "gas-check"),
    ("口袋公园提升改造", "pocket-park"), ("小区停车秩序协商", "parking"),
    ("文明城市创建攻坚", "civility"), ("志愿服务积分兑换", "points-exchange"),
    ("适老化无障碍改造", "barrier-free"), ("楼道堆物清理", "stairwells"),
    ("社区长者食堂开餐", "elder-canteen"), ("亲子共读活动", "family-reading"),
    ("双拥共建慰问", "army-support"), ("禁毒知识进校园", "drug-prevention"),
)
OPENINGS = (
    "近日", "日前", "本周", "上周六上午", "为进一步提升居民的获得感和幸福感",
    "为贯彻落实街道党工委工作部署", "为切实消除辖区安全隐患", "在街道党工委的指导下",
    "按照年度为民办实事清单", "为回应居民集中反映的问题", "在传统节日来临之际",
    "入汛以来", "入冬以来", "围绕“我为群众办实事”", "为巩固全国文明城市创建成果",
)
DID = (
    "组织开展了", "举办了", "启动了", "召开了", "部署开展了", "集中开展了", "联合开展了",
    "常态化开展了", "专题推进了", "扎实开展了",
)
OUTCOMES = (
    "得到居民一致好评", "提高了居民的安全防范意识", "拉近了邻里之间的距离",
    "解决了一批群众身边的急难愁盼问题", "营造了共建共治共享的良好氛围",
    "让党建引领基层治理落到了实处", "打通了联系服务群众的“最后一米”",
    "居民的获得感更加实在", "形成了一批可复制的好做法", "获得了街道的肯定",
    "吸引了不少年轻居民参与", "做到了隐患早发现、早处置", "小区面貌焕然一新",
)
SCENES = (
    "网格员逐楼逐户上门，认真记录居民的意见和建议", "现场设置了政策咨询台和宣传展板",
    "志愿者向居民讲解相关知识，并发放了宣传折页", "社区还请来专业律师现场解答疑问",
    "网格员通过楼栋微信群提前发布了活动信息", "物业服务企业安排专人跟进后续事项",
    "前来参加的居民纷纷表示很有收获", "活动现场秩序井然、气氛热烈",
    "党员志愿者主动认领任务、冲在一线", "对排查发现的问题，社区逐一建立台账、限期整改",
    "驻区共建单位提供了场地和物资保障", "活动采取线上报名、线下参与的方式",
    "工作人员对独居老人进行了一对一帮扶", "居民代表围绕议题踊跃发言、各抒己见",
    "社区医生为老人免费测量血压和血糖", "楼栋长第一时间把通知送到每家每户",
)
AIMS = (
    "基层治理", "网格化服务管理", "精细化服务", "党建引领", "居民自治", "民生保障",
    "公共服务", "文明实践", "平安建设", "智慧社区建设", "协商议事", "志愿服务",
    "应急处置", "为民服务机制",
)
MANNERS = ("持续深化", "不断完善", "积极探索", "全面加强", "扎实推进", "着力提升", "进一步健全")
NEXT_STEPS = (
    "下一步，社区将", "接下来，居委会将", "社区党委书记表示，今后将", "据了解，社区还将",
    "街道有关负责同志介绍，下一阶段将",
)
SAYS = ("说", "介绍", "高兴地说", "感慨道")
VOICES = (
    "这样的活动办到了大家心坎上", "有事找网格员，一个电话就有人上门",
    "小区一年一个样，大家都看在眼里", "希望社区多组织这样的活动",
    "服务居民没有小事", "楼道清爽了，住着也舒心", "退休后当志愿者，日子过得更充实",
)
HEADINGS = (
    "基本情况", "主要做法", "取得成效", "居民反响", "下步打算", "工作体会", "时间安排",
    "注意事项", "办理流程", "政策要点", "温馨提示", "工作亮点",
)
REMINDERS = (
    "请携带本人身份证原件", "可提前在社区公众号预约", "请错峰前往、有序排队",
    "行动不便的老人可由家属代办", "独居老人可申请上门服务", "工作日 8:30—17:30 可电话咨询",
    "活动期间请照看好随行儿童", "楼道内请勿堆放杂物", "电动自行车严禁进楼入户充电",
    "发现安全隐患请及时告诉网格员", "垃圾定时定点投放：早 7:00—9:00、晚 18:00—20:00",
    "请爱护公共设施", "名额有限，报满为止", "具体时间以社区通知为准",
)
TAGS = (
    "网格治理", "志愿服务", "红色物业", "垃圾分类", "老旧小区改造", "消防安全", "防汛",
    "反诈宣传", "主题党日", "邻里守望", "健康义诊", "充电设施", "加装电梯", "文明养犬",
    "居家养老", "暑期托管", "协商议事", "矛盾调解", "人口服务", "疫苗接种", "平安建设",
    "环境整治", "敬老爱老", "就业服务", "法治宣传", "燃气安全", "口袋公园", "停车管理",
    "文明创建", "积分兑换", "适老化改造", "楼道整治", "长者食堂", "全民阅读", "双拥共建",
    "禁毒宣传", "党建引领", "智慧社区", "民生实事", "社区文化", "关心下一代", "妇女儿童",
    "助残服务", "困难帮扶", "物业管理", "业委会", "社会组织", "共驻共建", "应急演练",
    "食品安全", "卫生健康", "生态环保", "移风易俗", "网格员风采", "便民服务", "城市更新",
)
NEWS_CATEGORIES = ("社区动态", "党建引领", "便民服务", "平安建设", "文明实践", "政策解读", "志愿风采")
FAMILY = (
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
    "郭", "何", "林", "高", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "邓", "曹", "彭",
)
GIVEN = (
    "建军", "秀兰", "志刚", "丽华", "海涛", "春梅", "国强", "玉珍", "晓燕", "卫东", "红霞",
    "振华", "桂芳", "明辉", "淑英", "小军", "雪梅", "德明", "慧敏", "宇航", "梓涵", "欣然",
    "磊", "静", "勇", "敏", "涛", "霞",
)
ROLES = ("社区党委书记", "居委会主任", "网格员", "志愿者", "物业项目经理", "居民", "楼栋长", "社工")
NOTICE_TITLES = (
    "关于开展{s}的通知", "关于做好{s}工作的通知", "{c}关于{s}的公告",
    "{t}关于{s}的温馨提示", "关于{s}报名的通知",
)
NEWS_TITLES = (
    "{c}{d}{s}", "{b}{d}{s}", "{t}{c}扎实推进{s}", "{c}：{s}暖民心", "{b}助力{s}",
    "{c}多措并举抓好{s}", "小网格大服务：{c}{s}", "{t}召开{s}推进会",
)


class Writer:
    """One random stream; every choice goes through it, in a fixed order."""

    def __init__(self, seed):
        self.rnd = random.Random(seed)

    def pick(self, seq):
        return self.rnd.choice(seq)

    def person(self):
        return self.pick(FAMILY) + self.pick(GIVEN)

    def sentence(self, place, body, subject):
        kind = self.rnd.randrange(7)
        if kind == 0:
            return f"{self.pick(OPENINGS)}，{place}{self.pick(BODIES)}{self.pick(DID)}{subject}，{self.pick(OUTCOMES)}。"
        if kind == 1:
            return f"{self.pick(SCENES)}；{self.pick(SCENES)}。"
        if kind == 2:
            return (f"{body}{self.pick(MANNERS)}{self.pick(AIMS)}，{self.pick(MANNERS)}{self.pick(AIMS)}，"
                    f"{self.pick(OUTCOMES)}。")
        if kind == 3:
            return f"{self.pick(ROLES)}{self.person()}{self.pick(SAYS)}：“{self.pick(VOICES)}。”"
        if kind == 4:
            return f"{self.pick(NEXT_STEPS)}{self.pick(MANNERS)}{self.pick(AIMS)}，让{subject}常态长效。"
        if kind == 5:
            return (f"据统计，活动覆盖{self.rnd.randint(2, 36)}个小区、{self.rnd.randint(80, 4800)}户居民，"
                    f"{self.pick(OUTCOMES)}。")
        return f"在{self.pick(STREETS)}的支持下，{self.pick(BODIES)}和{self.pick(BODIES)}密切配合，{self.pick(SCENES)}。"

    def title(self, notice, place, body, subject):
        for _ in range(40):
            pattern = self.pick(NOTICE_TITLES if notice else NEWS_TITLES)
            text = pattern.format(c=place, b=body, s=subject, t=self.pick(STREETS),
                                  d=self.pick(DID).removesuffix("了"))
            if 10 <= len(text) <= 26:
                return text
        return (place + subject)[:26]

    def table(self):
        if self.rnd.randrange(2) == 0:
            rows = ["| 时间 | 地点 | 内容 | 联系人 |", "| --- | --- | --- | --- |"]
            for _ in range(self.rnd.randint(3, 6)):
                where = self.pick(COMMUNITIES) + self.pick(("党群服务中心", "活动室", "文化广场", "二楼会议室"))
                rows.append(f"| {self.rnd.randint(1, 12)}月{self.rnd.randint(1, 28)}日"
                            f"{self.pick(('上午', '下午', '晚上'))} | {where} | {self.pick(SUBJECTS)[0]}"
                            f" | {self.person()} |")
        else:
            rows = ["| 事项 | 户数 | 完成率 |", "| --- | ---: | ---: |"]
            for _ in range(self.rnd.randint(3, 6)):
                rows.append(f"| {self.pick(SUBJECTS)[0]} | {self.rnd.randint(6, 880)} | "
                            f"{self.rnd.randint(62, 100)}% |")
        return "\n".join(rows)

    def reminders(self):
        return "\n".join(f"- {item}" for item in self.rnd.sample(REMINDERS, self.rnd.randint(3, 6)))

    def article(self, index, notice, start, span_seconds):
        place = self.pick(COMMUNITIES)
        body = self.pick(BODIES)
        subject, word = self.pick(SUBJECTS)
        title = self.title(notice, place, body, subject)
        when = start + dt.timedelta(seconds=self.rnd.randrange(span_seconds))
        tags = self.rnd.sample(TAGS, self.rnd.randint(1, 4))
        category = "通知公告" if notice else self.pick(NEWS_CATEGORIES)
        summary = f"{self.pick(OPENINGS)}，{place}{self.pick(DID)}{subject}，{self.pick(OUTCOMES)}。"
        author = self.person()

        # Paragraphs grow one sentence at a time until the body reaches its size.
        target = self.rnd.randint(1500, 4000)
        paragraphs = [[self.sentence(place, body, subject)] for _ in range(self.rnd.randint(3, 8))]
        extras = []
        if self.rnd.random() < 0.7:
            extras.append(self.reminders())
        if self.rnd.random() < 0.3:
            extras.append(self.table())
        fixed = sum(len(e.encode()) for e in extras) + 300
        size = sum(len(s.encode()) for p in paragraphs for s in p) + fixed
        while size < target:
            sentence = self.sentence(place, body, subject)
            self.pick(paragraphs).append(sentence)
            size += len(sentence.encode())
        bold = self.pick(paragraphs)
        k = self.rnd.randrange(len(bold))
        bold[k] = f"**{self.pick(MANNERS)}{self.pick(AIMS)}**，" + bold[k]
        self.pick(paragraphs).append(
            f"更多内容请访问[{self.pick(STREETS)}便民服务平台](https://www.example.gov.cn/{word}/{index}.html)。")

        blocks = ["".join(p) for p in paragraphs]
        at = sorted(self.rnd.sample(range(1, len(blocks)), min(self.rnd.randint(1, 2), len(blocks) - 1)),
                    reverse=True)
        for position, heading in zip(at, self.rnd.sample(HEADINGS, len(at))):
            blocks.insert(position, "## " + heading)
        for extra in extras:
            blocks.insert(self.rnd.randint(1, len(blocks)), extra)

        front = "\n".join([
            "---",
            f'title: "{title}"',
            f"date: {when.isoformat()}",
            "tags: [" + ", ".join(f'"{t}"' for t in tags) + "]",
            f'categories: ["{category}"]',
            f'summary: "{summary}"',
            f'author: "{author}"',
            "---",
            "",
        ])
        section = "notices" if notice else "news"
        return section, f"{index:06d}-{word}.md", front + "\n\n".join(blocks) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles (1 to 999999)")
    ap.add_argument("--out", required=True, help="site folder; content/ is made inside it")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--clean", action="store_true", help="remove OUT/content first")
    a = ap.parse_args(argv)
    if not 1 <= a.n <= 999999:
        ap.error("--n must be between 1 and 999999")
    content = os.path.join(a.out, "content")
    if a.clean and os.path.isdir(content):
        shutil.rmtree(content)
    for section in ("news", "notices"):
        os.makedirs(os.path.join(content, section), exist_ok=True)
    china = dt.timezone(dt.timedelta(hours=8))
    start = dt.datetime(2023, 1, 1, 8, 0, 0, tzinfo=china)
    span = int((dt.datetime(2025, 12, 31, 20, 0, 0, tzinfo=china) - start).total_seconds())
    w = Writer(a.seed)
    written = {"news": 0, "notices": 0}
    total = 0
    for index in range(1, a.n + 1):
        section, name, text = w.article(index, index % 5 == 0, start, span)
        data = text.encode("utf-8")
        with open(os.path.join(content, section, name), "wb") as f:
            f.write(data)
        written[section] += 1
        total += len(data)
    print(f"wrote {a.n} articles ({written['news']} news, {written['notices']} notices), "
          f"{total} bytes, seed {a.seed}, into {content}", file=sys.stderr)


if __name__ == "__main__":
    main()
