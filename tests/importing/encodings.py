"""CSV files saved in the legacy encodings of Japanese, Chinese, Korean, Russian, Greek and
Arabic versions of Excel and address books (people invented)."""

from __future__ import annotations

from tests.importing.files import csv_text

PEOPLE = {
    "shift_jis": [
        ["姓", "名", "会社", "メール"],
        ["名無し", "権兵衛", "山田商事株式会社", "gonbe@example.jp"],
        ["佐藤", "花子", "東京海上", "hanako@example.jp"],
        ["鈴木", "一郎", "大阪ガス", ""],
    ],
    "gbk": [
        ["姓", "名", "公司", "电子邮件"],
        ["王", "小明", "北京科技有限公司", "xiaoming@example.cn"],
        ["李", "娜", "上海贸易", ""],
        ["张", "伟", "深圳电子", "zhangwei@example.cn"],
    ],
    "big5": [
        ["姓", "名", "公司", "電子郵件"],
        ["陳", "志明", "台北電腦股份有限公司", "chen@example.tw"],
        ["林", "美玲", "高雄港務", ""],
        ["黃", "建國", "台中機械", "huang@example.tw"],
    ],
    "euc-kr": [
        ["성", "이름", "회사", "이메일"],
        ["김", "민준", "서울전자", "minjun@example.kr"],
        ["이", "서연", "부산해운", ""],
        ["박", "지훈", "대구섬유", "jihoon@example.kr"],
    ],
    "cp1251": [
        ["Фамилия", "Имя", "Компания", "Email"],
        ["Иванов", "Сергей", "Газпромнефть", "ivanov@example.ru"],
        ["Смирнова", "Ольга", "Северсталь", ""],
        ["Кузнецов", "Дмитрий", "Ростелеком", "kuznetsov@example.ru"],
    ],
    "koi8-r": [
        ["Фамилия", "Имя", "Компания", "Email"],
        ["Петров", "Алексей", "Аэрофлот", "petrov@example.ru"],
        ["Соколова", "Мария", "Лукойл", ""],
        ["Попов", "Андрей", "Сбербанк", "popov@example.ru"],
    ],
    "cp1253": [
        ["Επώνυμο", "Όνομα", "Εταιρεία", "Email"],
        ["Παπαδόπουλος", "Γιώργος", "Ελληνικά Πετρέλαια", "papadopoulos@example.gr"],
        ["Νικολάου", "Μαρία", "Αθηναϊκή Ζυθοποιία", ""],
        ["Γεωργίου", "Δημήτρης", "Κωτσόβολος", "georgiou@example.gr"],
    ],
    "cp1256": [
        ["اسم العائلة", "الاسم", "الشركة", "Email"],
        ["الحسن", "محمد", "أرامكو السعودية", "mohamed@example.sa"],
        ["العلي", "فاطمة", "طيران الإمارات", ""],
        ["منصور", "أحمد", "اتصالات مصر", "ahmed@example.eg"],
    ],
}


def encoded_csv(encoding: str) -> bytes:
    """Saved as that language's Excel saves a CSV: its code page, commas, CRLF."""
    return csv_text(PEOPLE[encoding]).encode(encoding)
