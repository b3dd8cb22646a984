//! Transaction terms (`WarunkiTransakcji`; catalog C.15).
