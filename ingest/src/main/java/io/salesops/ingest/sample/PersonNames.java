package io.salesops.ingest.sample;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Chinese personal names with their pinyin: a surname, then one or two given-name characters.
 * English names are written given name first, as on business cards ("Xiaoming Zhang").
 */
final class PersonNames {

    record PersonName(String chinese, String english, String givenPinyin, String surnamePinyin) {
        /** xiaoming.zhang */
        String emailLocal() {
            return (givenPinyin + "." + surnamePinyin).toLowerCase(Locale.ROOT).replace("'", "");
        }
    }

    private static final String[][] SURNAMES = pairs("王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao "
            + "吴:Wu 周:Zhou 徐:Xu 孙:Sun 马:Ma 朱:Zhu 胡:Hu 郭:Guo 何:He 高:Gao 林:Lin 罗:Luo 郑:Zheng 梁:Liang "
            + "谢:Xie 宋:Song 唐:Tang 许:Xu 韩:Han 冯:Feng 邓:Deng 曹:Cao 彭:Peng 曾:Zeng 肖:Xiao 田:Tian 董:Dong "
            + "袁:Yuan 潘:Pan 于:Yu 蒋:Jiang 蔡:Cai 余:Yu 杜:Du 叶:Ye 程:Cheng 苏:Su 魏:Wei 吕:Lyu 丁:Ding 任:Ren "
            + "沈:Shen 姚:Yao 卢:Lu 姜:Jiang 崔:Cui 钟:Zhong 谭:Tan 陆:Lu 汪:Wang 范:Fan 金:Jin 石:Shi 廖:Liao "
            + "贾:Jia 夏:Xia 韦:Wei 付:Fu 方:Fang 白:Bai 邹:Zou 孟:Meng 熊:Xiong 秦:Qin 邱:Qiu 江:Jiang 尹:Yin "
            + "薛:Xue 段:Duan 雷:Lei 侯:Hou 龙:Long 史:Shi 陶:Tao 贺:He 顾:Gu 毛:Mao 郝:Hao 龚:Gong 邵:Shao "
            + "万:Wan 钱:Qian 严:Yan 武:Wu 戴:Dai 莫:Mo 孔:Kong 向:Xiang 汤:Tang");

    private static final String[][] GIVEN = pairs("伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei "
            + "军:jun 洋:yang 勇:yong 艳:yan 杰:jie 涛:tao 明:ming 超:chao 秀:xiu 霞:xia 平:ping 刚:gang 英:ying "
            + "华:hua 玉:yu 文:wen 辉:hui 建:jian 国:guo 红:hong 丹:dan 鹏:peng 飞:fei 鑫:xin 宇:yu 浩:hao 然:ran "
            + "晨:chen 欣:xin 怡:yi 婷:ting 雪:xue 琳:lin 俊:jun 峰:feng 海:hai 波:bo 斌:bin 亮:liang 志:zhi "
            + "新:xin 春:chun 晓:xiao 梅:mei 莉:li 燕:yan 佳:jia 嘉:jia 子:zi 涵:han 思:si 雨:yu 博:bo 昊:hao "
            + "睿:rui 凯:kai 琪:qi 颖:ying 慧:hui 倩:qian 蕾:lei 健:jian 凤:feng 成:cheng 东:dong 林:lin 永:yong "
            + "立:li 振:zhen 宏:hong 德:de 庆:qing 光:guang 海:hai 雅:ya 婧:jing 璐:lu");

    private static final double[] SURNAME_WEIGHTS = new double[SURNAMES.length];

    static {
        for (int i = 0; i < SURNAMES.length; i++) {
            SURNAME_WEIGHTS[i] = 1.0 / (i + 4); // common surnames are very common
        }
    }

    private PersonNames() {
    }

    static PersonName draw(SplittableRandom random) {
        String[] surname = SURNAMES[Draw.weighted(random, SURNAME_WEIGHTS)];
        String[] first = Draw.pick(random, GIVEN);
        String chinese = surname[0] + first[0];
        String given = first[1];
        if (Draw.chance(random, 0.7)) {
            String[] second = Draw.pick(random, GIVEN);
            chinese += second[0];
            given += second[1];
        }
        String english = capitalise(given) + " " + surname[1];
        return new PersonName(chinese, english, given, surname[1]);
    }

    static String capitalise(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    static String[][] pairs(String spec) {
        String[] items = spec.trim().split(" +");
        String[][] pairs = new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            pairs[i] = items[i].split(":");
        }
        return pairs;
    }
}
