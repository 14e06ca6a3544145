/* extract/datatypes.h - which kinds of personal data a notice says were involved.
 *
 * The vocabulary (ir(7) lists it): name, address, phone, email,
 * birth_date, gender, age, occupation, card_number, card_expiry, card_cvc,
 * card_holder, bank_account, login_id, password, my_number, health,
 * employee_id, student_id, member_id, purchase_history, photo.
 *
 * The kinds are read where the notice lists what leaked (its data part)
 * and says what happened (its title and overview; with no data part, its
 * timeline too, which then tells the details); where those name none, in
 * its other parts, never in prevention or the contact part.  A mention
 * counts only where its clause states it (ja/clause.h): not where the
 * clause denies it ("クレジットカード情報およびパスワードは含まれて
 * おりません") or advises ("パスワードの変更をお願いします"), nor where it
 * is the object of another act than a leak: a remedy ("パスワードを再設定
 * しました"), the intruder's tool ("IDとパスワードを推測し"), a lure's
 * disguise ("メールアドレスを装った").
 */
#ifndef IR_EXTRACT_DATATYPES_H
#define IR_EXTRACT_DATATYPES_H

#include <stddef.h>

#include "extract/facts.h"

/* Indexes of ir_datatype_names (sorted, as the output wants). */
enum {
	IR_DT_ADDRESS,
	IR_DT_AGE,
	IR_DT_BANK_ACCOUNT,
	IR_DT_BIRTH_DATE,
	IR_DT_CARD_CVC,
	IR_DT_CARD_EXPIRY,
	IR_DT_CARD_HOLDER,
	IR_DT_CARD_NUMBER,
	IR_DT_EMAIL,
	IR_DT_EMPLOYEE_ID,
	IR_DT_GENDER,
	IR_DT_HEALTH,
	IR_DT_LOGIN_ID,
	IR_DT_MEMBER_ID,
	IR_DT_MY_NUMBER,
	IR_DT_NAME,
	IR_DT_OCCUPATION,
	IR_DT_PASSWORD,
	IR_DT_PHONE,
	IR_DT_PHOTO,
	IR_DT_PURCHASE_HISTORY,
	IR_DT_STUDENT_ID,
};

extern const char *const ir_datatype_names[];
extern const size_t ir_ndatatypes;

struct ir_cues;

/* A bit per ir_datatype_names entry, from a notice and its cues. */
unsigned long ir_datatypes(const struct ir_read *r, const struct ir_cues *cues);

/* Compiles the module's patterns: once, at start-up, before any thread. */
void ir_datatypes_prepare(void);

#endif
