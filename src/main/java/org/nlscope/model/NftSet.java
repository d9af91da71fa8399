package org.nlscope.model;

/**
 * What an NFT_MSG_NEWSET said about an nftables set that its elements do not repeat: the
 * types and lengths of its keys and of the data a map's keys lead to. The types are nft's
 * datatype numbers (a concatenation packs several, six bits each); 0 where the set said none.
 *
 * @param keyType  NFTA_SET_KEY_TYPE
 * @param keyLen   NFTA_SET_KEY_LEN
 * @param dataType NFTA_SET_DATA_TYPE (a map's), NFT_DATA_VERDICT for a verdict map
 * @param dataLen  NFTA_SET_DATA_LEN
 */
public record NftSet(long keyType, long keyLen, long dataType, long dataLen) {
}
