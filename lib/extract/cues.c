#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "extract/cues.h"
#include "extract/datatypes.h"
#include "extract/facts.h"
#include "ja/lexicon.h"

#define CUE(kind, value) ((kind) << 8 | (value))

static const struct ir_lexword words[] = {
	/* Kinds of personal data, by IR_DT_ index. */
	{"住所", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)}, {"郵便番号", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)},
	{"送付先", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)}, {"配送先", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)},
	{"お届け先", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)}, {"年齢", CUE(IR_CUE_DATATYPE, IR_DT_AGE)},
	{"口座番号", CUE(IR_CUE_DATATYPE, IR_DT_BANK_ACCOUNT)},
	{"口座情報", CUE(IR_CUE_DATATYPE, IR_DT_BANK_ACCOUNT)},
	{"銀行口座", CUE(IR_CUE_DATATYPE, IR_DT_BANK_ACCOUNT)},
	{"振込先", CUE(IR_CUE_DATATYPE, IR_DT_BANK_ACCOUNT)},
	{"預金口座", CUE(IR_CUE_DATATYPE, IR_DT_BANK_ACCOUNT)},
	{"生年月日", CUE(IR_CUE_DATATYPE, IR_DT_BIRTH_DATE)},
	{"誕生日", CUE(IR_CUE_DATATYPE, IR_DT_BIRTH_DATE)},
	{"セキュリティコード", CUE(IR_CUE_DATATYPE, IR_DT_CARD_CVC)},
	{"CVV", CUE(IR_CUE_DATATYPE, IR_DT_CARD_CVC)}, {"CVC", CUE(IR_CUE_DATATYPE, IR_DT_CARD_CVC)},
	{"有効期限", CUE(IR_CUE_DATATYPE, IR_DT_CARD_EXPIRY)},
	{"カード名義", CUE(IR_CUE_DATATYPE, IR_DT_CARD_HOLDER)},
	{"名義人", CUE(IR_CUE_DATATYPE, IR_DT_CARD_HOLDER)},
	{"クレジットカード番号", CUE(IR_CUE_DATATYPE, IR_DT_CARD_NUMBER)},
	{"クレジットカード情報", CUE(IR_CUE_DATATYPE, IR_DT_CARD_NUMBER)},
	{"カード番号", CUE(IR_CUE_DATATYPE, IR_DT_CARD_NUMBER)},
	{"カード情報", CUE(IR_CUE_DATATYPE, IR_DT_CARD_NUMBER)},
	{"メールアドレス", CUE(IR_CUE_DATATYPE, IR_DT_EMAIL)}, {"e-mail", CUE(IR_CUE_DATATYPE, IR_DT_EMAIL)},
	{"email", CUE(IR_CUE_DATATYPE, IR_DT_EMAIL)},
	{"電子メールアドレス", CUE(IR_CUE_DATATYPE, IR_DT_EMAIL)}, {"Eメール", CUE(IR_CUE_DATATYPE, IR_DT_EMAIL)},
	{"社員番号", CUE(IR_CUE_DATATYPE, IR_DT_EMPLOYEE_ID)},
	{"職員番号", CUE(IR_CUE_DATATYPE, IR_DT_EMPLOYEE_ID)},
	{"従業員番号", CUE(IR_CUE_DATATYPE, IR_DT_EMPLOYEE_ID)},
	{"社員ID", CUE(IR_CUE_DATATYPE, IR_DT_EMPLOYEE_ID)},
	{"職員ID", CUE(IR_CUE_DATATYPE, IR_DT_EMPLOYEE_ID)}, {"性別", CUE(IR_CUE_DATATYPE, IR_DT_GENDER)},
	{"病名", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"病歴", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"既往歴", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"診療", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"診察", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"カルテ", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"検査結果", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"健康診断", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"健診", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"服薬", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"処方", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"障害の有無", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"障がい", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"健康状態", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"病状", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)}, {"傷病", CUE(IR_CUE_DATATYPE, IR_DT_HEALTH)},
	{"ログインID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)}, {"ID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ログイン用のID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ユーザーID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ユーザID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ユーザー名", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ユーザ名", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"アカウントID", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"アカウント名", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"ログイン名", CUE(IR_CUE_DATATYPE, IR_DT_LOGIN_ID)},
	{"会員番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"会員ID", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"お客様番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"お客さま番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"顧客番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"受講者番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"患者ID", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)}, {"患者番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"診察券番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"被保険者番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"記号・番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"組合員番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"利用者番号", CUE(IR_CUE_DATATYPE, IR_DT_MEMBER_ID)},
	{"マイナンバー", CUE(IR_CUE_DATATYPE, IR_DT_MY_NUMBER)},
	{"個人番号", CUE(IR_CUE_DATATYPE, IR_DT_MY_NUMBER)}, {"氏名", CUE(IR_CUE_DATATYPE, IR_DT_NAME)},
	{"お名前", CUE(IR_CUE_DATATYPE, IR_DT_NAME)}, {"名前", CUE(IR_CUE_DATATYPE, IR_DT_NAME)},
	{"姓名", CUE(IR_CUE_DATATYPE, IR_DT_NAME)}, {"フリガナ", CUE(IR_CUE_DATATYPE, IR_DT_NAME)},
	{"ふりがな", CUE(IR_CUE_DATATYPE, IR_DT_NAME)}, {"宛名", CUE(IR_CUE_DATATYPE, IR_DT_NAME)},
	{"職業", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"勤務先", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"会社名", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"所属", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"部署名", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)}, {"役職", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"学校名", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)}, {"事業所名", CUE(IR_CUE_DATATYPE, IR_DT_OCCUPATION)},
	{"所在地", CUE(IR_CUE_DATATYPE, IR_DT_ADDRESS)},
	{"パスワード", CUE(IR_CUE_DATATYPE, IR_DT_PASSWORD)},
	{"暗証番号", CUE(IR_CUE_DATATYPE, IR_DT_PASSWORD)}, {"電話番号", CUE(IR_CUE_DATATYPE, IR_DT_PHONE)},
	{"携帯番号", CUE(IR_CUE_DATATYPE, IR_DT_PHONE)}, {"FAX番号", CUE(IR_CUE_DATATYPE, IR_DT_PHONE)},
	{"ファクス番号", CUE(IR_CUE_DATATYPE, IR_DT_PHONE)}, {"TEL", CUE(IR_CUE_DATATYPE, IR_DT_PHONE)},
	{"顔写真", CUE(IR_CUE_DATATYPE, IR_DT_PHOTO)}, {"写真", CUE(IR_CUE_DATATYPE, IR_DT_PHOTO)},
	{"購入履歴", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文履歴", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"購入商品", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"購入日", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文内容", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文番号", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文情報", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文商品", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"注文の品", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"購入品目", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"購入金額", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"取引履歴", CUE(IR_CUE_DATATYPE, IR_DT_PURCHASE_HISTORY)},
	{"学籍番号", CUE(IR_CUE_DATATYPE, IR_DT_STUDENT_ID)},
	{"学生番号", CUE(IR_CUE_DATATYPE, IR_DT_STUDENT_ID)},
	{"生徒番号", CUE(IR_CUE_DATATYPE, IR_DT_STUDENT_ID)},
	{"学生証番号", CUE(IR_CUE_DATATYPE, IR_DT_STUDENT_ID)},
	/* Authorities a notice may say were told, by IR_TOLD_ bit. */
	{"個人情報保護委員会", CUE(IR_CUE_AUTHORITY, IR_TOLD_PPC)},
	{"警察", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)}, {"警視庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	{"県警", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)}, {"府警", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	{"道警", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	{"サイバー犯罪対策", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	{"サイバー犯罪相談", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	{"監督官庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"所管官庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"所管省庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"総務省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"経済産業省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"文部科学省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"厚生労働省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"国土交通省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"農林水産省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"法務省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"財務省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"防衛省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"外務省", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"金融庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"消費者庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"デジタル庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"JPCERT", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"情報処理推進機構", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"IPA", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"内閣サイバーセキュリティセンター", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"NISC", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"財務局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"労働局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	/* The state's regional offices, and the bodies that license or oversee one. */
	{"農政局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"経済産業局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"総合通信局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"厚生局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"運輸局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"地方整備局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"保健所", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"所轄庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"所管庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"教育委員会", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"関係機関", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"関係当局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"関係省庁", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)}, {"当局", CUE(IR_CUE_AUTHORITY, IR_TOLD_OTHER)},
	{"捜査当局", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)}, {"捜査機関", CUE(IR_CUE_AUTHORITY, IR_TOLD_POLICE)},
	/*
	 * Contractors, outsourcees and vendors: 委託 in every form (委託先,
	 * 業務委託, 委託している, 委託元), and those who work for others.
	 */
	{"委託", CUE(IR_CUE_CONTRACTOR, 0)}, {"受託", CUE(IR_CUE_CONTRACTOR, 0)},
	{"外注", CUE(IR_CUE_CONTRACTOR, 0)}, {"請負", CUE(IR_CUE_CONTRACTOR, 0)},
	{"下請", CUE(IR_CUE_CONTRACTOR, 0)}, {"派遣元", CUE(IR_CUE_CONTRACTOR, 0)},
	{"指定管理者", CUE(IR_CUE_CONTRACTOR, 0)}, {"協力会社", CUE(IR_CUE_CONTRACTOR, 0)},
	{"ベンダー", CUE(IR_CUE_CONTRACTOR, 0)}, {"ベンダ", CUE(IR_CUE_CONTRACTOR, 0)},
	{"保守", CUE(IR_CUE_CONTRACTOR, 0)},
	{"開発会社", CUE(IR_CUE_CONTRACTOR, 0)}, {"運用会社", CUE(IR_CUE_CONTRACTOR, 0)},
	{"制作会社", CUE(IR_CUE_CONTRACTOR, 0)},
	{"事業者", CUE(IR_CUE_SHIELD, 0)}, {"従業者", CUE(IR_CUE_SHIELD, 0)},
	{"所属長", CUE(IR_CUE_SHIELD, 0)},
	/* What a count that is not of data taken counts: things, or people acting. */
	{"あたり", CUE(IR_CUE_THING, 0)}, {"当たり", CUE(IR_CUE_THING, 0)}, /* rates: 1日あたり約200件 */
	{"送信件数", CUE(IR_CUE_THING, 0)}, {"送信数", CUE(IR_CUE_THING, 0)}, {"送付件数", CUE(IR_CUE_THING, 0)},
	{"送付数", CUE(IR_CUE_THING, 0)}, {"メール件数", CUE(IR_CUE_THING, 0)},
	{"メール数", CUE(IR_CUE_THING, 0)}, {"送信されたメール件数", CUE(IR_CUE_THING, 0)},
	{"送信された件数", CUE(IR_CUE_THING, 0)}, {"送信された通数", CUE(IR_CUE_THING, 0)},
	{"通数", CUE(IR_CUE_THING, 0)}, {"アクセス件数", CUE(IR_CUE_THING, 0)},
	{"アクセス回数", CUE(IR_CUE_THING, 0)}, {"アクセス数", CUE(IR_CUE_THING, 0)},
	{"ログイン件数", CUE(IR_CUE_THING, 0)}, {"ログイン回数", CUE(IR_CUE_THING, 0)},
	{"ログイン数", CUE(IR_CUE_THING, 0)}, {"問い合わせ件数", CUE(IR_CUE_THING, 0)},
	{"問合せ件数", CUE(IR_CUE_THING, 0)}, {"問い合わせ数", CUE(IR_CUE_THING, 0)},
	{"相談件数", CUE(IR_CUE_THING, 0)}, {"着信件数", CUE(IR_CUE_THING, 0)}, {"閲覧数", CUE(IR_CUE_THING, 0)},
	{"閲覧回数", CUE(IR_CUE_THING, 0)}, {"延べ", CUE(IR_CUE_THING, 0)}, {"のべ", CUE(IR_CUE_THING, 0)},
	{"ページ", CUE(IR_CUE_THING, 0)}, {"申請", CUE(IR_CUE_THING, 0)}, {"申請者", CUE(IR_CUE_SHIELD, 0)},
	{"苦情", CUE(IR_CUE_THING, 0)}, {"架電", CUE(IR_CUE_THING, 0)}, {"全校", CUE(IR_CUE_THING, 0)},
	{"全体で", CUE(IR_CUE_THING, 0)}, {"会員数", CUE(IR_CUE_THING, 0)}, {"登録者数", CUE(IR_CUE_THING, 0)},
	{"生徒数", CUE(IR_CUE_THING, 0)}, {"学生数", CUE(IR_CUE_THING, 0)}, {"児童数", CUE(IR_CUE_THING, 0)},
	{"利用者数", CUE(IR_CUE_THING, 0)}, {"従業員数", CUE(IR_CUE_THING, 0)}, {"社員数", CUE(IR_CUE_THING, 0)},
	{"職員数", CUE(IR_CUE_THING, 0)}, {"人口", CUE(IR_CUE_THING, 0)},
	/* All who applied: 応募総数6,850件 is the whole, not those affected. */
	{"応募総数", CUE(IR_CUE_THING, 0)}, {"応募数", CUE(IR_CUE_THING, 0)}, {"応募者数", CUE(IR_CUE_THING, 0)},
	{"申込総数", CUE(IR_CUE_THING, 0)}, {"申込数", CUE(IR_CUE_THING, 0)}, {"申込者数", CUE(IR_CUE_THING, 0)},
	/* Messages an intruder sent from a taken account: 送られたメッセージ(約600件). */
	{"送られたメッセージ", CUE(IR_CUE_THING, 0)}, {"送信されたメッセージ", CUE(IR_CUE_THING, 0)},
	{"送られたダイレクトメッセージ", CUE(IR_CUE_THING, 0)},
	{"送信されたダイレクトメッセージ", CUE(IR_CUE_THING, 0)},
	/* What came in or went out, counted after it: 相談が1件, 投稿が3件. */
	{"相談が", CUE(IR_CUE_THING, 0)}, {"問い合わせが", CUE(IR_CUE_THING, 0)},
	{"問合せが", CUE(IR_CUE_THING, 0)}, {"通報が", CUE(IR_CUE_THING, 0)}, {"投稿が", CUE(IR_CUE_THING, 0)}, {"職員", CUE(IR_CUE_ACTOR, 0)},
	{"社員", CUE(IR_CUE_ACTOR, 0)}, {"従業員", CUE(IR_CUE_ACTOR, 0)}, {"担当者", CUE(IR_CUE_ACTOR, 0)},
	{"教員", CUE(IR_CUE_ACTOR, 0)}, {"教諭", CUE(IR_CUE_ACTOR, 0)}, {"講師", CUE(IR_CUE_ACTOR, 0)},
	{"作業員", CUE(IR_CUE_ACTOR, 0)}, {"行員", CUE(IR_CUE_ACTOR, 0)}, {"派遣社員", CUE(IR_CUE_ACTOR, 0)},
	{"アルバイト", CUE(IR_CUE_ACTOR, 0)}, {"スタッフ", CUE(IR_CUE_ACTOR, 0)},
	{"カウンセラー", CUE(IR_CUE_ACTOR, 0)}, {"犯人", CUE(IR_CUE_ACTOR, 0)}, {"容疑者", CUE(IR_CUE_ACTOR, 0)},
};
static struct ir_lexicon lexicon = IR_LEXICON(words);

void
ir_cues_scan(struct ir_cues *c, const char *text, size_t len)
{
	size_t from = 0, off, wlen;
	int id;

	c->n = 0;
	while (ir_lexicon_next(&lexicon, text, len, from, &off, &wlen, &id)) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->v = ir_xrealloc(c->v, c->cap * sizeof *c->v);
		}
		c->v[c->n].off = off;
		c->v[c->n].len = wlen;
		c->v[c->n].kind = (unsigned char)(id >> 8);
		c->v[c->n].value = (unsigned char)(id & 0xFF);
		c->n++;
		from = off + wlen;
	}
}

void
ir_cues_free(struct ir_cues *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

void
ir_cues_prepare(void)
{
	ir_lexicon_build(&lexicon);
}
