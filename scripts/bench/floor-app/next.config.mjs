// Next's defaults; Next and React resolve from the project's node_modules, so they are the product's versions.
export default { poweredByHeader: false };
