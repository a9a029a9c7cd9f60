package org.gongkai.ingest.report;

/**
 * Traditional → simplified characters for reports copied from mirror sites (鎮, 資訊, 復議,
 * 訴訟). Not a full converter: the characters of the report vocabulary, place names of the
 * gazetteer and common function words, enough for the rules and the title to match. Every
 * mapping keeps the length, so offsets stay valid.
 */
final class Traditional {
  private Traditional() {}

  /** Pairs of (traditional, simplified), grouped loosely by topic. Data, not code. */
  private static final String PAIRS =
      // places and administration
      "鎮镇 國国 鄉乡 區区 縣县 縣县 邊边 莊庄 廠厂 頭头 東东 橋桥 門门 灣湾 嶺岭 崗岗 龍龙 馬马 張张 陳陈 劉刘 楊杨 鋪铺 廟庙 溝沟 園园 "
          + "擺摆 獨独 韓韩 蘇苏 單单 獅狮 華华 陽阳 豐丰 樹树 開开 發发 濟济 經经 臺台 億亿 萬万 漢汉 劃划 "
          + "級级 轄辖 屬属 處处 辦办 務务 員员 會会 黨党 委委 書书 長长 隊队 "
          // disclosure vocabulary
          + "資资 訊讯 報报 告告 條条 項项 數数 網网 站站 門门 戶户 專专 欄栏 佈布 讀读 點点 領领 "
          + "決决 規规 範范 廢废 現现 許许 強强 罰罚 費费 額额 採采 購购 總总 計计 際际 "
          + "請请 結结 轉转 繼继 續续 審审 議议 訴诉 訟讼 復复 複复 維维 糾纠 駁驳 絕绝 過过 "
          + "諮咨 詢询 熱热 線线 話话 電电 來来 訪访 視视 號号 貼贴 傳传 廣广 播播 覽览 閱阅 "
          + "協协 議议 提提 辦办 建建 幹干 導导 關关 係系 聯联 繫系 絡络 "
          + "無无 餘余 約约 兩两 個个 幾几 僅仅 為为 於于 與与 並并 從从 對对 這这 個个 們们 "
          + "將将 應应 當当 時时 後后 舉举 據据 則则 讓让 實实 體体 類类 間间 問问 題题 顯显 "
          + "說说 詳详 細细 見见 設设 製制 產产 業业 農农 貧贫 脫脱 堅坚 齊齐 嚴严 權权 責责 監监 "
          + "響响 輿舆 擬拟 釋释 參参 稱称 遞递 郵邮 場场 館馆 檔档 紙纸 質质 義义 觀观 蒐搜 "
          + "錄录 圖图 財财 預预 護护 環环 災灾 險险 勞劳 動动 醫医 療疗 學学 鄰邻 節节 舊旧 "
          + "統统 紀纪 況况 屆届 擊击 進进 還还 達达 歷历 歲岁 衛卫 構构 機机 組组 織织 稅税 "
          + "標标 準准 證证 價价 錢钱 銷销 鐘钟 鐵铁 銀银 雜杂 變变 態态 極极 緊紧 積积 續续 "
          + "確确 認认 護护 訂订 議议 討讨 論论 調调 查查 處处 理理 辯辩 執执 難难 夠够 "
          + "試试 驗验 優优 勢势 區区 務务 眾众 衆众 戶户 數数 樣样 種种 ";

  /** Simplified form per character (itself when it has none): a look-up for every ideograph of a text. */
  private static final char[] SIMPLIFIED = new char[Character.MAX_VALUE + 1];

  /** Words whose simplified characters differ in the mainland vocabulary (same length). */
  private static final String[][] WORDS = {
    {"资讯", "信息"}, {"答覆", "答复"}, {"回覆", "回复"}, {"批覆", "批复"}, {"网路", "网络"},
  };

  static {
    String p = PAIRS.replace(" ", "");
    if (p.length() % 2 != 0) {
      throw new IllegalStateException("Traditional.PAIRS must hold pairs");
    }
    for (int c = 0; c < SIMPLIFIED.length; c++) {
      SIMPLIFIED[c] = (char) c;
    }
    for (int i = 0; i < p.length(); i += 2) {
      SIMPLIFIED[p.charAt(i)] = p.charAt(i + 1);
    }
  }

  static char simplify(char c) {
    return SIMPLIFIED[c];
  }

  static String simplifyWords(String s) {
    String out = s;
    for (String[] w : WORDS) {
      if (out.contains(w[0])) {
        out = out.replace(w[0], w[1]);
      }
    }
    return out;
  }
}
