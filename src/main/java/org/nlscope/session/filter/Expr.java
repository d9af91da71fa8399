package org.nlscope.session.filter;

/** A parsed filter expression, or a part of one. */
@FunctionalInterface
interface Expr {
    boolean test(Subject s);

    Expr ALL = s -> true;
}
