//! Parties: the seller (`Podmiot1`, C.2), the authorised entity (`PodmiotUpowazniony`), the buyer (`Podmiot2`, C.3) and third parties (`Podmiot3`, C.4).
