package org.nlscope.dissect.sockdiag;

/** How a sock_diag attribute's payload reads. */
enum AttrKind {
    STRING, U8, U32, U64, U32_ARRAY, HEX
}
