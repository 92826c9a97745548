package io.salesops.ingest.sample;

import io.salesops.warehouse.model.Vocabulary;
import java.util.List;
import java.util.SplittableRandom;

/** Where customers are: China's sales regions, their provinces and chemical-industry cities. */
final class Geography {

    record City(String name, String pinyin) {
    }

    record Province(String name, String fullName, String pinyin, double weight, List<City> cities) {
    }

    /** Share of customers per region, in {@link Vocabulary#REGIONS} order: the coast buys most. */
    static final double[] REGION_WEIGHTS = {0.34, 0.22, 0.13, 0.11, 0.09, 0.05, 0.06};

    /** Two-letter pinyin codes per region, used in territory and team ids. */
    static final List<String> REGION_CODES = List.of("HD", "HN", "HB", "HZ", "XN", "XB", "DB");

    private static final List<List<Province>> PROVINCES = List.of(
            List.of(p("上海", "上海市", "Shanghai", 5, "上海:Shanghai"),
                    p("江苏", "江苏省", "Jiangsu", 7, "南京:Nanjing", "苏州:Suzhou", "无锡:Wuxi", "常州:Changzhou", "南通:Nantong"),
                    p("浙江", "浙江省", "Zhejiang", 6, "杭州:Hangzhou", "宁波:Ningbo", "嘉兴:Jiaxing", "绍兴:Shaoxing", "台州:Taizhou"),
                    p("山东", "山东省", "Shandong", 6, "济南:Jinan", "青岛:Qingdao", "淄博:Zibo", "潍坊:Weifang", "东营:Dongying"),
                    p("安徽", "安徽省", "Anhui", 2, "合肥:Hefei", "芜湖:Wuhu"),
                    p("福建", "福建省", "Fujian", 2, "福州:Fuzhou", "厦门:Xiamen", "泉州:Quanzhou"),
                    p("江西", "江西省", "Jiangxi", 1, "南昌:Nanchang", "九江:Jiujiang")),
            List.of(p("广东", "广东省", "Guangdong", 8, "广州:Guangzhou", "深圳:Shenzhen", "佛山:Foshan", "东莞:Dongguan",
                            "惠州:Huizhou", "中山:Zhongshan"),
                    p("广西", "广西壮族自治区", "Guangxi", 1.5, "南宁:Nanning", "柳州:Liuzhou"),
                    p("海南", "海南省", "Hainan", 0.5, "海口:Haikou")),
            List.of(p("北京", "北京市", "Beijing", 2, "北京:Beijing"),
                    p("天津", "天津市", "Tianjin", 2.5, "天津:Tianjin"),
                    p("河北", "河北省", "Hebei", 3, "石家庄:Shijiazhuang", "沧州:Cangzhou", "唐山:Tangshan"),
                    p("山西", "山西省", "Shanxi", 1, "太原:Taiyuan"),
                    p("内蒙古", "内蒙古自治区", "Inner Mongolia", 0.8, "呼和浩特:Hohhot", "包头:Baotou")),
            List.of(p("河南", "河南省", "Henan", 3, "郑州:Zhengzhou", "洛阳:Luoyang", "新乡:Xinxiang"),
                    p("湖北", "湖北省", "Hubei", 3, "武汉:Wuhan", "宜昌:Yichang", "荆州:Jingzhou"),
                    p("湖南", "湖南省", "Hunan", 2, "长沙:Changsha", "株洲:Zhuzhou", "岳阳:Yueyang")),
            List.of(p("重庆", "重庆市", "Chongqing", 2, "重庆:Chongqing"),
                    p("四川", "四川省", "Sichuan", 3, "成都:Chengdu", "绵阳:Mianyang", "宜宾:Yibin"),
                    p("贵州", "贵州省", "Guizhou", 1, "贵阳:Guiyang"),
                    p("云南", "云南省", "Yunnan", 1, "昆明:Kunming")),
            List.of(p("陕西", "陕西省", "Shaanxi", 3, "西安:Xi'an", "宝鸡:Baoji"),
                    p("甘肃", "甘肃省", "Gansu", 1, "兰州:Lanzhou"),
                    p("宁夏", "宁夏回族自治区", "Ningxia", 1, "银川:Yinchuan"),
                    p("新疆", "新疆维吾尔自治区", "Xinjiang", 1, "乌鲁木齐:Urumqi"),
                    p("青海", "青海省", "Qinghai", 0.5, "西宁:Xining")),
            List.of(p("辽宁", "辽宁省", "Liaoning", 3, "沈阳:Shenyang", "大连:Dalian", "营口:Yingkou"),
                    p("吉林", "吉林省", "Jilin", 1.5, "长春:Changchun", "吉林:Jilin"),
                    p("黑龙江", "黑龙江省", "Heilongjiang", 1.5, "哈尔滨:Harbin", "大庆:Daqing")));

    private static final double[][] PROVINCE_WEIGHTS = PROVINCES.stream()
            .map(provinces -> provinces.stream().mapToDouble(Province::weight).toArray()).toArray(double[][]::new);

    private Geography() {
    }

    static String region(int region) {
        return Vocabulary.REGIONS.get(region);
    }

    static Province province(SplittableRandom random, int region) {
        return PROVINCES.get(region).get(Draw.weighted(random, PROVINCE_WEIGHTS[region]));
    }

    private static Province p(String name, String fullName, String pinyin, double weight, String... cities) {
        return new Province(name, fullName, pinyin, weight, java.util.Arrays.stream(cities)
                .map(c -> new City(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1))).toList());
    }
}
